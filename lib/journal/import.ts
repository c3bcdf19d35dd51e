import { fromExportFile, parseExportFile, type ExportFile, type ParseProblem } from '../export/format';
import type { JournalDb } from './db';
import { classifyError, type JournalError } from './journal';

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
        const known = new Set((await db.events.bulkGet(events.map((e) => e.id))).filter((e) => e !== undefined).map((e) => e.id));
        const fresh = events.filter((e) => !known.has(e.id));
        const knownSessions = new Set((await db.sessions.bulkGet(sessions.map((s) => s.id))).filter((s) => s !== undefined).map((s) => s.id));
        await db.sessions.bulkAdd(sessions.filter((s) => !knownSessions.has(s.id)));
        await db.events.bulkAdd(fresh);
        await db.imports.add({ checksum: file.checksum, fileName: name, importedAt: now, events: fresh.length });
        return { name, status: 'imported', added: fresh.length, duplicates: events.length - fresh.length, sessions: sessions.length, file };
      });
      outcomes.push(outcome);
    } catch (error) {
      outcomes.push({ name, status: 'failed', error: classifyError(error) });
    }
  }
  return outcomes;
}
