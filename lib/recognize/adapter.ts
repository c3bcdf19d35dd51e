import { acceptCode, acceptDossierCode, readLabels, visibleText, type LabelHit } from './labels';
import type { PageKind, RecognizedPage, RecognizedProcedure } from './page';

/*
 * A site adapter, in the manner of refined-github's page detectors and Zotero
 * translators: the hosts it owns, a cheap URL test, a conservative DOM test
 * that answers null ("not mine") when unsure, and example URLs beside it.
 */

export interface UrlMatch {
  kind: PageKind;
  /** Name of the rule, reported as evidence. */
  rule: string;
  portalId?: string;
  code?: string;
  dossierCode?: string;
}

export interface AdapterExample {
  url: string;
  kind: PageKind;
}

export interface SiteAdapter {
  id: string;
  label: string;
  /** Hosts this adapter owns (exact host names). */
  hosts: string[];
  examples: AdapterExample[];
  /** First stage: URL only. null = this URL is not one of mine. */
  matchUrl(url: URL): UrlMatch | null;
  /** Second stage: DOM. null = not mine after all (another adapter or the generic one may try). */
  readDom(doc: Document, url: URL, match: UrlMatch): RecognizedPage | null;
}

export function ownsHost(adapter: SiteAdapter, host: string): boolean {
  return adapter.hosts.includes(host.toLowerCase());
}

/** Procedure facts from labelled values, plus what was found, as evidence. */
export function procedureFromLabels(root: ParentNode): {
  procedure: RecognizedProcedure;
  dossierCode?: string;
  hits: LabelHit[];
} {
  const hits = readLabels(root);
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
