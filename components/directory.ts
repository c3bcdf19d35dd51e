import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { assetDirectoryLoader, type Directory } from '@/lib/directory';

const load = assetDirectoryLoader((path) => browser.runtime.getURL(path as never));
let loaded: Directory | undefined;

/** The national directory, fetched from the packaged asset on first need (never in the content script). */
export function loadDirectory(): Promise<Directory> {
  return load().then((directory) => (loaded = directory));
}

type State = { directory?: Directory; settled: boolean };

/**
 * The directory once wanted: `settled` turns true when it loaded or failed
 * (matching then goes on without it, as before the directory existed).
 */
export function useDirectory(wanted: boolean): State {
  const [state, setState] = useState<State>(() => (loaded ? { directory: loaded, settled: true } : { settled: false }));
  useEffect(() => {
    if (!wanted || state.settled) return;
    let cancelled = false;
    loadDirectory().then(
      (directory) => !cancelled && setState({ directory, settled: true }),
      (error: unknown) => {
        console.warn('[da06] national directory not loaded', error);
        if (!cancelled) setState({ settled: true });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, state.settled]);
  return state;
}
