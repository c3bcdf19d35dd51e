import type { ConflictChoice } from '@/lib/exchange/import';
// Vite bundles the worker as its own chunk (`?worker`); `new URL(…, import.meta.url)` is rewritten by WXT and missed.
import ImportWorker from './import-worker.ts?worker';
import type { FromWorker, ImportProgress, ToWorker, WorkerOutcome } from '@/lib/report/import-protocol';

export interface ImportRun {
  /** Resolves when the worker has stopped (finished or cancelled). */
  done: Promise<{ cancelled: boolean; notDone: string[] }>;
  cancel(): void;
}

/** Import export files on a worker; outcomes and progress arrive as they happen. */
export function importInWorker(
  files: File[],
  on: { progress(p: ImportProgress): void; outcome(o: WorkerOutcome): void },
  choice?: ConflictChoice,
): ImportRun {
  const worker: Worker = new ImportWorker();
  const done = new Promise<{ cancelled: boolean; notDone: string[] }>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') on.progress(m.progress);
      else if (m.type === 'outcome') on.outcome(m.outcome);
      else {
        worker.terminate();
        resolve({ cancelled: m.cancelled, notDone: m.notDone });
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'import worker failed'));
    };
  });
  worker.postMessage({ type: 'start', files, ...(choice ? { choice } : {}) } satisfies ToWorker);
  return { done, cancel: () => worker.postMessage({ type: 'cancel' } satisfies ToWorker) };
}
