import { Readability } from '@mozilla/readability';
import { compact, confidenceOf, procedureFromLabels, textOf } from '../adapters/kit/adapter';
import { NATIONAL_CODE_IN_TEXT, type RecognizedPage } from '../adapters/kit/page';

/*
 * The generic reader for sites no adapter owns (a renamed provincial system,
 * another province's portal). It runs in an extension page or in Node on a
 * sanitized snapshot — never in the content script — because Readability is
 * heavy. Labels first ("Mã thủ tục", "Tên thủ tục", …, also without
 * diacritics), then the national code pattern. A page's title or heading is
 * never taken as the procedure's name by itself: on a dossier screen it may be
 * the applicant's name ("Hồ sơ của ông …"). Readability's idea of the title
 * is only offered to `knownName`, which answers with the name of a known
 * procedure (the national directory, the reference list) or nothing; without
 * it (no directory at hand) the title is not used.
 */

/** The known procedure a page title names (its official name), or undefined. */
export type KnownProcedureName = (title: string, hints: { code?: string; field?: string; level?: string }) => string | undefined;

export function recognizeGeneric(doc: Document, href: string, knownName?: KnownProcedureName): RecognizedPage {
  const landmarks: string[] = [];
  const tried: string[] = [];
  const { procedure, dossierCode, hits } = procedureFromLabels(doc.body ?? doc);
  for (const h of hits) landmarks.push(`label:${h.label}`);
  if (!hits.length) tried.push('labels');

  const codes = [...new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT) ?? [])];
  if (codes.length) landmarks.push(`codes ×${codes.length}`);
  else tried.push('national code pattern');
  if (codes.length > 3 && !dossierCode) {
    return {
      site: 'generic',
      pageKind: 'procedure-list',
      url: href,
      procedure: null,
      confidence: 0.6,
      evidence: { urlRule: null, landmarks, tried },
    };
  }
  if (!procedure.code && codes.length === 1) procedure.code = codes[0];

  if (!procedure.name && (procedure.code || dossierCode || hits.length >= 2)) {
    const title = readableTitle(doc);
    const known = title && knownName ? knownName(title, { code: procedure.code, field: procedure.field, level: procedure.level }) : undefined;
    if (known) {
      procedure.name = known.slice(0, 300);
      landmarks.push('readability:title=known procedure');
    } else {
      // The title itself is not kept, not even in the evidence.
      tried.push(title ? 'readability:title (not a known procedure)' : 'readability:title');
    }
  }
  const found = compact(procedure);
  if (!found?.code && !dossierCode) {
    return { site: 'generic', pageKind: 'unknown', url: href, procedure: null, confidence: 0, evidence: { urlRule: null, landmarks, tried } };
  }
  return {
    site: 'generic',
    pageKind: dossierCode ? 'dossier' : 'procedure-info',
    url: href,
    procedure: found,
    ...(dossierCode ? { dossierCode } : {}),
    // No URL rule vouches for a generic page: confidence stays below the adapters'.
    confidence: Math.min(0.7, confidenceOf({ url: false, name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length })),
    evidence: { urlRule: null, landmarks, tried },
  };
}

/** The page's main title by Readability, falling back to the first heading. */
export function readableTitle(doc: Document): string | undefined {
  try {
    const clone = doc.cloneNode(true) as Document;
    const article = new Readability(clone, { charThreshold: 100 }).parse();
    const title = article?.title?.replace(/\s+/g, ' ').trim();
    if (title) return title.split(/\s[-|–]\s/)[0].slice(0, 300);
  } catch {
    // Readability can fail on odd documents; headings still work.
  }
  return textOf(doc.querySelector('h1, h2')) || undefined;
}
