import { readGeneric } from '@/lib/recognize/reading';
import type { SnapshotReader } from './offscreen-reader';

/*
 * Firefox: the background is a page with a DOM, so the generic reader runs
 * right here. Imported only in the Firefox build (import.meta.env.FIREFOX), so
 * Readability never reaches Chrome's service worker.
 */
export function createPageReader(): SnapshotReader {
  return {
    read: async ({ url, html, adapterId }) => readGeneric(new DOMParser().parseFromString(html, 'text/html'), url, adapterId),
  };
}
