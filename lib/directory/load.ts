import { createDirectory, type Directory } from './lookup';
import { isDirectoryData } from './data';

/** Where the build puts the compact directory inside the extension (public/data/directory.json). */
export const DIRECTORY_ASSET = '/data/directory.json';

/**
 * One lazily loaded directory: the first call runs `fetchJson` (the panel and
 * the background fetch the packaged asset; Node reads the file), later calls
 * share the same promise. A failed load is not cached, so the next need tries
 * again. MV3 workers cannot import() lazily; fetch + JSON.parse is the way.
 */
export function createDirectoryLoader(fetchJson: () => Promise<unknown>): () => Promise<Directory> {
  let pending: Promise<Directory> | null = null;
  return () => {
    pending ??= fetchJson()
      .then((data) => {
        if (!isDirectoryData(data)) throw new Error('directory.json has an unexpected shape');
        return createDirectory(data);
      })
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
}

/** The loader for an extension page or worker: `getURL` is browser.runtime.getURL. */
export function assetDirectoryLoader(getURL: (path: string) => string, fetchFn: typeof fetch = fetch): () => Promise<Directory> {
  return createDirectoryLoader(async () => {
    const response = await fetchFn(getURL(DIRECTORY_ASSET));
    if (!response.ok) throw new Error(`directory.json: HTTP ${response.status}`);
    return (await response.json()) as unknown;
  });
}
