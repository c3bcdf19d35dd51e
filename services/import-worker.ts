/// <reference lib="webworker" />
import { importExportFiles } from '@/lib/exchange/import';
import { JournalDb } from '@/lib/journal/db';
import { classifyError } from '@/lib/journal/journal';
import type { FromWorker, ToWorker, WorkerOutcome } from '@/lib/report/import-protocol';

/*
 * The report page's import worker: files are read, checked and written here,
 * one file (one transaction) at a time, off the page's thread. Cancel stops
 * before the next file: files already written stay, the rest are untouched.
 */
const db = new JournalDb();
let cancelled = false;
const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  const started = performance.now();
  const bytesTotal = msg.files.reduce((n, f) => n + f.size, 0);
  let bytesDone = 0;
  let rows = 0;
  for (let i = 0; i < msg.files.length; i++) {
    const f = msg.files[i];
    if (cancelled) {
      post({ type: 'done', cancelled: true, notDone: msg.files.slice(i).map((x) => x.name) });
      return;
    }
    post({ type: 'progress', progress: { file: i + 1, files: msg.files.length, name: f.name, rows, bytesDone, bytesTotal, elapsed: performance.now() - started } });
    let outcome: WorkerOutcome;
    try {
      const text = await f.text();
      const [o] = await importExportFiles(db, [{ name: f.name, text }], { choice: msg.choice ?? 'ask', ...(msg.now ? { now: msg.now } : {}) });
      if (o.status === 'imported') {
        const { file, ...rest } = o;
        rows += file.events.length;
        outcome = rest;
      } else outcome = o;
    } catch (error) {
      outcome = { name: f.name, status: 'failed', error: classifyError(error) };
    }
    bytesDone += f.size;
    post({ type: 'outcome', outcome });
    post({ type: 'progress', progress: { file: i + 1, files: msg.files.length, name: f.name, rows, bytesDone, bytesTotal, elapsed: performance.now() - started } });
  }
  post({ type: 'done', cancelled: false, notDone: [] });
};
