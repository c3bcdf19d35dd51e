import { recognizePage } from './index';
import type { RecognizedPage } from './page';

/*
 * The generic reader where no directory is at hand (Chrome's offscreen
 * document, Firefox's background page before it resolves): the page without
 * a name taken from its title, and the title apart, for the background to
 * check against the known procedures (lib/match/known-name.ts).
 */
export function readGeneric(doc: Document, url: string, adapterId?: string): { page: RecognizedPage; title?: string } {
  let title: string | undefined;
  const page = recognizePage(doc, url, {
    ...(adapterId ? { adapterId } : {}),
    knownName: (t) => {
      title = t.slice(0, 300);
      return undefined;
    },
  });
  return title === undefined ? { page } : { page, title };
}
