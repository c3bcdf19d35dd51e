import { recognizeWithAdapters } from './adapters';
import { recognizeGeneric } from './generic';
import { unknownPage, type RecognizedPage } from './page';

/** Site adapters first, the generic reader when none is sure. */
export function recognizePage(doc: Document, href: string, options: { adapterId?: string } = {}): RecognizedPage {
  const page = recognizeWithAdapters(doc, href, options.adapterId);
  if (page) return page;
  try {
    return recognizeGeneric(doc, href);
  } catch (error) {
    return unknownPage(href, 'generic', { tried: [`generic failed: ${String(error).slice(0, 120)}`] });
  }
}
