/*
 * What recognition produces. Plain types and constants only: this file is
 * bundled into the content script, which must stay small (no zod here; the
 * receiving side validates with lib/recognize/schema.ts). Part of the adapters'
 * kit: adapters import it, and it imports nothing of the orchestration.
 */

export const PAGE_KINDS = ['procedure-info', 'online-submission', 'dossier', 'procedure-list', 'unknown'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface RecognizedProcedure {
  /** National procedure code (mã TTHC), e.g. "1.001193", when the page shows it. */
  code?: string;
  /**
   * The portal's own id of the procedure: the new national portal's UUIDv7
   * (/thu-tuc-hanh-chinh/<portalId>, formalityId=<portalId>), or the old
   * portal's numeric internal id (ma_thu_tuc=373812).
   */
  portalId?: string;
  name?: string;
  /** Lĩnh vực. */
  field?: string;
  /** Cấp thực hiện. */
  level?: string;
  /** Cơ quan thực hiện (on the new national portal: "Cơ quan có thẩm quyền"). */
  agency?: string;
}

export interface RecognitionEvidence {
  /** The URL rule that fired, or null when none did. */
  urlRule: string | null;
  /** DOM landmarks and labels that were found ("h1.main-title", "label:Mã thủ tục"). */
  landmarks: string[];
  /** What was tried and not found, so breakage is visible. */
  tried: string[];
}

export interface RecognizedPage {
  /** Adapter id: "national", "national-csdl", "thanhhoa-portal", "thanhhoa-motcua", "generic", "none". */
  site: string;
  pageKind: PageKind;
  url: string;
  procedure: RecognizedProcedure | null;
  /** Mã hồ sơ, when the page is one dossier. */
  dossierCode?: string;
  /** 0–1: how sure the adapter is. */
  confidence: number;
  evidence: RecognitionEvidence;
}

/** National procedure code: 1, 2 or 3, a dot, six digits (shared/docs/portals.md §6). */
export const NATIONAL_CODE = /^[123]\.\d{6}$/;
/** The same inside text: not part of a longer number, not followed by a letter (1.004850A). */
export const NATIONAL_CODE_IN_TEXT = /(?<![\w.])[123]\.\d{6}(?![\w]|\.\d)/g;
/** The new national portal's procedure id (UUIDv7). */
export const PORTAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function unknownPage(url: string, site: string, evidence: Partial<RecognitionEvidence> = {}): RecognizedPage {
  return {
    site,
    pageKind: 'unknown',
    url,
    procedure: null,
    confidence: 0,
    evidence: { urlRule: evidence.urlRule ?? null, landmarks: evidence.landmarks ?? [], tried: evidence.tried ?? [] },
  };
}
