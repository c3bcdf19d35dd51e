import { browser } from 'wxt/browser';
import { assetDirectoryLoader, type Directory } from '@/lib/directory';

/*
 * The national directory of this context (panel): fetched from the packaged
 * asset (public/data/directory.json) on first need, never in the content script.
 */
const load = assetDirectoryLoader((path) => browser.runtime.getURL(path as never));
let loaded: Directory | undefined;

export function loadDirectory(): Promise<Directory> {
  return load().then((directory) => (loaded = directory));
}

/** The directory if it has already loaded (a view can then start with it). */
export function loadedDirectory(): Directory | undefined {
  return loaded;
}
