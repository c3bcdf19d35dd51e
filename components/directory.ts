import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { assetDirectoryLoader, type Directory } from '@/lib/directory';

/** The national directory, fetched from the packaged asset on first need (never in the content script). */
export const loadDirectory = assetDirectoryLoader((path) => browser.runtime.getURL(path as never));

/**
 * The directory once wanted: `settled` turns true when it loaded or failed
 * (matching then goes on without it, as before the directory existed).
 */
export function useDirectory(wanted: boolean): { directory?: Directory; settled: boolean } {
  const [state, setState] = useState<{ directory?: Directory; settled: boolean }>({ settled: false });
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
