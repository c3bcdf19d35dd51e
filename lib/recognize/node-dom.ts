import { DOMParser } from 'linkedom';

/** Parse HTML into a Document in Node (CLI, unit tests) with linkedom. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
