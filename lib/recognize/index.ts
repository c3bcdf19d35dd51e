import { recognizeWithAdapters } from './adapters';
import { recognizeGeneric, type KnownProcedureName } from './generic';
import { unknownPage, type RecognizedPage } from './page';

export type { KnownProcedureName } from './generic';

/**
 * Site adapters first, the generic reader when none is sure. `knownName`
 * lets the generic reader name the procedure after the page's title when the
 * title is a known procedure's name (see lib/recognize/generic.ts).
 */
export function recognizePage(doc: Document, href: string, options: { adapterId?: string; knownName?: KnownProcedureName } = {}): RecognizedPage {
  const page = recognizeWithAdapters(doc, href, options.adapterId);
  if (page) return page;
  try {
    return recognizeGeneric(doc, href, options.knownName);
  } catch (error) {
    return unknownPage(href, 'generic', { tried: [`generic failed: ${String(error).slice(0, 120)}`] });
  }
}
