import Dexie from 'dexie';
import { fromExportFile, parseExportFile, type ExportFile, type ParseProblem } from './format';
import type { JournalDb } from '../journal/db';
import { classifyError, type JournalError } from '../journal/journal';

export type ImportOutcome =
  | { name: string; status: 'imported'; added: number; duplicates: number; sessions: number; file: ExportFile }
  | { name: string; status: 'already-imported' }
  | { name: string; status: 'rejected'; problem: ParseProblem }
  | { name: string; status: 'failed'; error: JournalError };

/**
 * Import staff exports. Each file is checked completely before anything is
 * written, and written in one transaction: a bad file changes nothing.
 * Events merge by id, so a file seen twice, or two overlapping exports, never
 * duplicate a tick.
 */
export async function importExportFiles(db: JournalDb, files: { name: string; text: string }[], now = Date.now()): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const { name, text } of files) {
    const parsed = await parseExportFile(text);
    if (!parsed.ok) {
      outcomes.push({ name, status: 'rejected', problem: parsed.problem });
      continue;
    }
    const file = parsed.file;
    try {
      const outcome = await db.transaction('rw', [db.events, db.sessions, db.imports], async (): Promise<ImportOutcome> => {
        if (await db.imports.get(file.checksum)) return { name, status: 'already-imported' };
        const { sessions, events } = fromExportFile(file);
        // Ticks are immutable and keyed by id: one already stored is a duplicate, kept as it is.
        const duplicates = (await addNew(db.events, events)) + 0;
        await addNew(db.sessions, sessions);
        const added = events.length - duplicates;
        await db.imports.add({ checksum: file.checksum, fileName: name, importedAt: now, events: added });
        return { name, status: 'imported', added, duplicates, sessions: sessions.length, file };
      });
      outcomes.push(outcome);
    } catch (error) {
      outcomes.push({ name, status: 'failed', error: classifyError(error) });
    }
  }
  return outcomes;
}

/** bulkAdd that skips records whose key exists; returns how many were skipped. */
async function addNew<T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, items: readonly T[]): Promise<number> {
  try {
    await table.bulkAdd(items);
    return 0;
  } catch (error) {
    // Dexie adds the others and reports the failures; caught here, the transaction still commits.
    if (error instanceof Dexie.BulkError && Object.values(error.failuresByPos).every((f) => f.name === 'ConstraintError')) {
      return Object.keys(error.failuresByPos).length;
    }
    throw error;
  }
}
