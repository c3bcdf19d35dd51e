import { useEffect, useState } from 'react';
import type { Directory } from '@/lib/directory';
import { loadDirectory, loadedDirectory } from '@/services/directory';

type State = { directory?: Directory; settled: boolean };

/**
 * The national directory once wanted: `settled` turns true when it loaded or
 * failed (matching then goes on without it, as before the directory existed).
 */
export function useDirectory(wanted: boolean): State {
  const [state, setState] = useState<State>(() => {
    const directory = loadedDirectory();
    return directory ? { directory, settled: true } : { settled: false };
  });
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
