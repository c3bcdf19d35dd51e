import { recognizeGeneric } from '../portals/generic';
import { recognizeWithAdapters } from '../portals/index';
import { unknownPage, type RecognizedPage } from './page';

/** Site adapters first, the generic reader when none is sure. */
export function recognizePage(doc: Document, href: string, options: { adapterId?: string } = {}): RecognizedPage {
  const page = options.adapterId === 'generic' ? null : recognizeWithAdapters(doc, href, options.adapterId);
  if (page) return page;
  try {
    return recognizeGeneric(doc, href);
  } catch (error) {
    return unknownPage(href, 'generic', { tried: [`generic failed: ${String(error).slice(0, 120)}`] });
  }
}
