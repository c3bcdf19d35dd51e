import type { ConflictChoice, ImportOutcome } from '../exchange/import';

/**
 * Messages between the report page and its import worker. The worker reads,
 * checks and writes each file (lib/exchange importExportFiles: one
 * transaction per file, so a file is all or nothing); the page only shows
 * progress. Outcomes come back without the parsed file (large).
 */

export type WorkerOutcome = ImportOutcome extends infer O ? (O extends { file: unknown } ? Omit<O, 'file'> : O) : never;

export type ToWorker =
  | { type: 'start'; files: File[]; choice?: ConflictChoice; now?: number }
  | { type: 'cancel' };

export interface ImportProgress {
  /** 1-based number of the file being read. */
  file: number;
  files: number;
  name: string;
  /** Ticks in the files done so far. */
  rows: number;
  bytesDone: number;
  bytesTotal: number;
  /** ms since the start. */
  elapsed: number;
}

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'outcome'; outcome: WorkerOutcome }
  | { type: 'done'; cancelled: boolean; notDone: string[] };

/** Time left from the bytes done so far (null before any file is done). */
export function timeLeft(p: ImportProgress): number | null {
  if (p.bytesDone === 0 || p.elapsed === 0) return null;
  return Math.max(0, (p.elapsed * (p.bytesTotal - p.bytesDone)) / p.bytesDone);
}

/** "1 phút 20 giây" / "1 min 20 s". */
export function durationText(ms: number | null, locale: 'vi' | 'en'): string {
  if (ms === null) return '…';
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (locale === 'vi') return m ? `${m} phút ${r} giây` : `${r} giây`;
  return m ? `${m} min ${r} s` : `${r} s`;
}
