import { acceptCode, acceptDossierCode, nationalCodeOf, readLabels, visibleText, type LabelHit, type ReadLabelsOptions } from './labels';
import type { PageKind, RecognizedPage, RecognizedProcedure } from './page';

/*
 * A site adapter, in the manner of refined-github's page detectors and Zotero
 * translators: the hosts it owns, a cheap URL test, a conservative DOM test
 * that answers null ("not mine") when unsure. Each adapter lives in its own
 * folder lib/adapters/<id>/ with its example URLs, fixtures and expected
 * results (expected.json); the registry is generated from the folders
 * (scripts/adapter-registry.ts). Adapters import only this kit.
 */

export interface UrlMatch {
  kind: PageKind;
  /** Name of the rule, reported as evidence. */
  rule: string;
  portalId?: string;
  code?: string;
  dossierCode?: string;
}

/**
 * A URL example, kept in the adapter's expected.json ("urls"), not in its
 * code (the content script stays small). Positives carry the kind the URL
 * stage must answer; negatives are pages on the adapter's own host (news, a
 * 404, a look-up page): `kind: null` (not claimed at all), or "unknown" /
 * "procedure-list" (claimed, never as one procedure).
 */
export interface AdapterExample {
  url: string;
  kind: PageKind | null;
}

export interface SiteAdapter {
  /** Also its folder's name; its name for people is the i18n string `site_<id>`. */
  id: string;
  /** Hosts this adapter owns (exact host names): the content script runs there. */
  hosts: string[];
  /**
   * Claims pages on any host the sensor runs on (a host the user enabled),
   * after the host's own adapters declined — the hand-off reader.
   */
  anyHost?: boolean;
  /** Hosts offered in Options as ready-made choices for this adapter (not owned: runtime permission). */
  suggestedHosts?: string[];
  /**
   * Screens whose content changes without a URL change (a modal over a list):
   * the sensor keeps watching after a complete result.
   */
  keepWatching?: boolean;
  /** First stage: URL only (the host is checked by the caller). null = not mine. */
  matchUrl(url: URL): UrlMatch | null;
  /** Second stage: DOM. null = not mine after all (another adapter or the generic one may try). */
  readDom(doc: Document, url: URL, match: UrlMatch): RecognizedPage | null;
}

export function ownsHost(adapter: SiteAdapter, host: string): boolean {
  return adapter.hosts.includes(host.toLowerCase());
}

/** Procedure facts from labelled values, plus what was found, as evidence. */
export function procedureFromLabels(
  root: ParentNode,
  options: ReadLabelsOptions = {},
): {
  procedure: RecognizedProcedure;
  dossierCode?: string;
  hits: LabelHit[];
} {
  const hits = readLabels(root, options);
  const get = (key: LabelHit['key']) => hits.find((h) => h.key === key)?.value;
  const procedure: RecognizedProcedure = {};
  const code = get('code');
  if (code) {
    const accepted = acceptCode(code, true);
    if (accepted) procedure.code = accepted;
  }
  const name = get('name');
  if (name) procedure.name = name;
  for (const key of ['field', 'level', 'agency'] as const) {
    const v = get(key);
    if (v) procedure[key] = v;
  }
  const dossier = get('dossierCode');
  const dossierCode = dossier ? acceptDossierCode(dossier) : undefined;
  return { procedure, ...(dossierCode ? { dossierCode } : {}), hits };
}

export function textOf(el: Element | null | undefined): string {
  return el ? visibleText(el).replace(/\s+/g, ' ').trim().slice(0, 300) : '';
}

/** Drop empty fields so results compare and serialize cleanly. */
export function compact(p: RecognizedProcedure): RecognizedProcedure | null {
  const out: RecognizedProcedure = {};
  for (const [k, v] of Object.entries(p) as [keyof RecognizedProcedure, string | undefined][]) {
    if (v) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

export function confidenceOf(parts: { url: boolean; name: boolean; code: boolean; labels: number }): number {
  const score = (parts.url ? 0.35 : 0) + (parts.name ? 0.25 : 0) + (parts.code ? 0.3 : 0) + Math.min(parts.labels, 4) * 0.025;
  return Math.round(Math.min(1, score) * 100) / 100;
}

/** Query parameters that carry a procedure code on hand-off and provincial pages (portals.md §3). */
export const CODE_PARAMS = ['mathutuc', 'matthc', 'matthcdp', 'madvc', 'matt', 'ma_thu_tuc'];

/**
 * The national code carried by a URL's query (or a hash route's query):
 * MaTTHC, MaTTHCDP, MaDVC, maTTHC, MaThuTuc… in any letter case, local and
 * service suffixes stripped. Look-alikes are refused.
 */
export function codeFromUrl(url: URL, params: readonly string[] = CODE_PARAMS): { code: string; param: string } | undefined {
  const queries = [url.searchParams];
  const q = url.hash.indexOf('?');
  if (q >= 0) queries.push(new URLSearchParams(url.hash.slice(q + 1)));
  for (const query of queries) {
    for (const [name, value] of query) {
      if (!params.includes(name.toLowerCase())) continue;
      const code = nationalCodeOf(value);
      if (code) return { code, param: name };
    }
  }
  return undefined;
}

/** A query parameter in any letter case. */
export function param(url: URL, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === lower) return v;
  return null;
}

/** Hidden by the page (a closed modal, a collapsed panel) as far as markup tells. */
export function hiddenByMarkup(el: Element): boolean {
  return Boolean(el.closest('[hidden], [style*="display: none"], [style*="display:none"]'));
}

/** A RecognizedPage from its parts: one place that spells the shape (the content script stays small). */
export function pageOf(
  site: string,
  url: URL,
  match: UrlMatch,
  kind: PageKind,
  procedure: RecognizedProcedure | null,
  confidence: number,
  landmarks: string[] = [],
  tried: string[] = [],
  dossierCode?: string,
): RecognizedPage {
  return { site, pageKind: kind, url: url.href, procedure, ...(dossierCode ? { dossierCode } : {}), confidence, evidence: { urlRule: match.rule, landmarks, tried } };
}

/** What was found (landmarks) and what was looked for in vain (tried): the evidence of a result. */
export class Trail {
  landmarks: string[] = [];
  tried: string[] = [];
  /** Note `what` as found when `value` is truthy, else as tried; returns `value`. */
  see<T>(what: string, value: T): T {
    (value ? this.landmarks : this.tried).push(what);
    return value;
  }
}

/** Confidence of a procedure page: the URL rule, a name, a code, and labels read. */
export function scoreOf(p: RecognizedProcedure | null, labels: number, url = true): number {
  return confidenceOf({ url, name: Boolean(p?.name), code: Boolean(p?.code), labels });
}
