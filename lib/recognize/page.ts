/*
 * What recognition produces. Plain types and constants only: this file is
 * bundled into the content script, which must stay small (no zod here; the
 * receiving side validates with lib/recognize/schema.ts).
 */

export const PAGE_KINDS = ['procedure-info', 'online-submission', 'dossier', 'procedure-list', 'unknown'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface RecognizedProcedure {
  /** National procedure code (mã TTHC), e.g. "1.001193", when the page shows it. */
  code?: string;
  /** The portal's internal id when the URL carries one (dichvucong ma_thu_tuc=373812). */
  portalId?: string;
  name?: string;
  /** Lĩnh vực. */
  field?: string;
  /** Cấp thực hiện. */
  level?: string;
  /** Cơ quan thực hiện. */
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

/** National procedure code: a digit, a dot, six digits (shared/docs/portals.md). */
export const NATIONAL_CODE = /^\d\.\d{6}$/;
export const NATIONAL_CODE_IN_TEXT = /(?<![\d.])\d\.\d{6}(?![\d.])/g;

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
