import { checklistLibrary } from '../checklist';
import { fromExportFile, parseExportFile, type ExportFile, type ParseProblem } from './format';
import { importedSessionKey, type FilingSession, type ImportedCheck, type ImportedEvent, type ImportedSession, type JournalDb, type TickEvent } from '../journal/db';
import { classifyError, type JournalError } from '../journal/journal';

/**
 * Import staff exports into the tables kept for imported data
 * (importedSessions / importedEvents / importedChecks): an import never
 * writes into the officer's own filings or ticks, so the panel never shows a
 * colleague's work. Each file is checked completely before anything is
 * written, and written in one transaction: a bad file changes nothing.
 *
 * Nothing is resolved silently:
 * - an identical tick, filing or check definition already stored (or repeated
 *   in the file) is skipped and counted;
 * - the same id with different content is a conflict, reported with the file's
 *   position (`events[12]`); with `choice: 'ask'` (the default) the file is not
 *   imported and the conflicts are returned so the user can choose to keep what
 *   is stored or replace it with the file's version (the officer's own ticks
 *   are never replaced);
 * - a filing already stored gets the union of both check lists (counted);
 * - ticks whose filing is not in the file, and checks defined nowhere, are
 *   imported and flagged.
 */

export type ConflictChoice = 'ask' | 'keep' | 'replace';

export interface Conflict {
  kind: 'event' | 'session' | 'check';
  id: string;
  /** Where in the file: "events[12]". */
  position: string;
  /** What it disagrees with: an earlier entry of the same file, imported data, or the officer's own journal. */
  against: 'file' | 'imported' | 'own';
  /** The fields that differ. */
  fields: string[];
}

export interface ImportSummary {
  /** New ticks stored. */
  added: number;
  /** Identical ticks skipped (already stored, in the own journal, or repeated in the file). */
  duplicates: number;
  /** Ticks replaced by the file's version (choice "replace"). */
  replaced: number;
  /** New filings stored. */
  sessions: number;
  /** Filings already stored whose check list grew by the file's (union). */
  sessionsMerged: number;
  /** Filings already stored, identical, or the officer's own. */
  sessionsKnown: number;
  /** Custom-check definitions stored. */
  checksAdded: number;
  /** Conflicts settled by the choice. */
  conflicts: Conflict[];
  choice?: Exclude<ConflictChoice, 'ask'>;
  /** Positions of ticks whose filing is not in the file (imported, cannot count in the report). */
  orphans: string[];
  /** Check ids used in the file that no definition (file, library, this browser) describes. */
  unknownChecks: string[];
}

export type ImportOutcome =
  | ({ name: string; status: 'imported'; file: ExportFile } & ImportSummary)
  | { name: string; status: 'conflict'; conflicts: Conflict[] }
  | { name: string; status: 'already-imported' }
  | { name: string; status: 'rejected'; problem: ParseProblem }
  | { name: string; status: 'failed'; error: JournalError };

export interface ImportOptions {
  now?: number;
  choice?: ConflictChoice;
}

const EVENT_FIELDS = ['sessionId', 'checkId', 'state', 'note', 'staff', 'unit', 'at', 'demo'] as const;
const SESSION_FIELDS = ['procedureKey', 'procedureCode', 'procedureName', 'dossierCode', 'label', 'createdAt', 'demo'] as const;

function differing<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => (a[f] ?? null) !== (b[f] ?? null)).map(String);
}

export async function importExportFiles(db: JournalDb, files: { name: string; text: string }[], options: ImportOptions | number = {}): Promise<ImportOutcome[]> {
  const { now = Date.now(), choice = 'ask' } = typeof options === 'number' ? { now: options } : options;
  const outcomes: ImportOutcome[] = [];
  for (const { name, text } of files) {
    const parsed = await parseExportFile(text, now, name);
    if (!parsed.ok) {
      outcomes.push({ name, status: 'rejected', problem: parsed.problem });
      continue;
    }
    try {
      outcomes.push(await importOne(db, name, parsed.file, now, choice));
    } catch (error) {
      outcomes.push({ name, status: 'failed', error: classifyError(error) });
    }
  }
  return outcomes;
}

async function importOne(db: JournalDb, name: string, file: ExportFile, now: number, choice: ConflictChoice): Promise<ImportOutcome> {
  const origin = file.checksum;
  const { sessions: plain, events: plainEvents } = fromExportFile(file);
  const conflicts: Conflict[] = [];
  let duplicates = 0;

  // 1. The file against itself: filings by (officer, id), ticks by id.
  const sessions = new Map<string, ImportedSession>();
  const sessionsById = new Map<string, ImportedSession[]>();
  plain.forEach((s, i) => {
    const key = importedSessionKey(s.staff, s.unit, s.id);
    const seen = sessions.get(key);
    if (!seen) {
      const row: ImportedSession = { ...s, key, origin };
      sessions.set(key, row);
      const list = sessionsById.get(s.id);
      if (list) list.push(row);
      else sessionsById.set(s.id, [row]);
      return;
    }
    const fields = differing<FilingSession>(seen, s, SESSION_FIELDS);
    if (fields.length) conflicts.push({ kind: 'session', id: s.id, position: `sessions[${i}]`, against: 'file', fields });
    for (const c of s.checkIds) if (!seen.checkIds.includes(c)) seen.checkIds.push(c);
  });
  const events = new Map<string, ImportedEvent>();
  const orphans: string[] = [];
  plainEvents.forEach((e, i) => {
    const seen = events.get(e.id);
    if (seen) {
      const fields = differing<TickEvent>(seen, e, EVENT_FIELDS);
      if (fields.length) conflicts.push({ kind: 'event', id: e.id, position: `events[${i}]`, against: 'file', fields });
      else duplicates++;
      if (fields.length && choice === 'replace') events.set(e.id, { ...seen, ...e });
      return;
    }
    // The tick's filing: the one made by the same officer, else the only one with that id.
    const candidates = sessionsById.get(e.sessionId) ?? [];
    const session = candidates.find((s) => s.staff === e.staff && s.unit === e.unit) ?? candidates[0];
    if (!session) orphans.push(`events[${i}]`);
    events.set(e.id, { ...e, sessionKey: session?.key ?? importedSessionKey(e.staff, e.unit, e.sessionId), origin });
  });
  const positionOf = new Map<string, number>();
  plainEvents.forEach((e, i) => {
    if (!positionOf.has(e.id)) positionOf.set(e.id, i);
  });

  return db.transaction('rw', [db.imports, db.importedSessions, db.importedEvents, db.importedChecks, db.events, db.sessions, db.customChecks], async (): Promise<ImportOutcome> => {
    if (await db.imports.get(origin)) return { name, status: 'already-imported' };

    // 2. Ticks against what is stored: the officer's own (never changed) and imported ones.
    const ids = [...events.keys()];
    const [own, stored] = await Promise.all([db.events.bulkGet(ids), db.importedEvents.bulkGet(ids)]);
    const toAdd: ImportedEvent[] = [];
    const toReplace: ImportedEvent[] = [];
    ids.forEach((id, i) => {
      const e = events.get(id)!;
      const position = `events[${positionOf.get(id)}]`;
      const mine = own[i];
      if (mine) {
        const fields = differing<TickEvent>(mine, e, EVENT_FIELDS);
        if (fields.length) conflicts.push({ kind: 'event', id, position, against: 'own', fields });
        else duplicates++;
        return;
      }
      const before = stored[i];
      if (!before) {
        toAdd.push(e);
        return;
      }
      const fields = differing<TickEvent>(before, e, EVENT_FIELDS);
      if (!fields.length) {
        duplicates++;
        return;
      }
      conflicts.push({ kind: 'event', id, position, against: 'imported', fields });
      toReplace.push({ ...e, origin: before.origin });
    });

    // 3. Filings: new ones stored, known ones get the union of the check lists.
    const keys = [...sessions.keys()];
    const storedSessions = await db.importedSessions.bulkGet(keys);
    const ownSessions = await db.sessions.bulkGet([...sessions.values()].map((s) => s.id));
    const sessionIndex = new Map(plain.map((s, i) => [importedSessionKey(s.staff, s.unit, s.id), i] as const));
    const newTickKeys = new Set([...toAdd, ...toReplace].map((e) => e.sessionKey));
    const sessionRows: ImportedSession[] = [];
    let added = 0;
    let merged = 0;
    let known = 0;
    keys.forEach((key, i) => {
      const s = sessions.get(key)!;
      const position = `sessions[${sessionIndex.get(key)}]`;
      const mineSession = ownSessions[i];
      // The officer's own filing coming back (their own export): nothing to keep apart unless it brings new ticks.
      if (mineSession && mineSession.staff === s.staff && mineSession.unit === s.unit && !newTickKeys.has(key)) {
        known++;
        return;
      }
      const before = storedSessions[i];
      if (!before) {
        sessionRows.push(s);
        added++;
        return;
      }
      const fields = differing<FilingSession>(before, s, SESSION_FIELDS);
      if (fields.length) conflicts.push({ kind: 'session', id: s.id, position, against: 'imported', fields });
      const union = [...before.checkIds, ...s.checkIds.filter((c) => !before.checkIds.includes(c))];
      const grew = union.length > before.checkIds.length;
      if (grew) merged++;
      else if (!fields.length) known++;
      if (fields.length && choice === 'replace') sessionRows.push({ ...s, origin: before.origin, checkIds: union });
      else if (grew) sessionRows.push({ ...before, checkIds: union });
    });

    // 4. Custom-check definitions: stored (apart from the officer's own) so the report and re-exports keep the wording.
    const library = new Set(checklistLibrary().checks.map((c) => c.id));
    const ownChecks = new Map((await db.customChecks.toArray()).map((c) => [c.id, c]));
    const fileCustom = file.checks.filter((c) => c.source === 'custom' || !library.has(c.id));
    const storedChecks = await db.importedChecks.bulkGet(fileCustom.map((c) => c.id));
    const checkRows: ImportedCheck[] = [];
    let checksNew = 0;
    fileCustom.forEach((c, i) => {
      const position = `checks[${file.checks.indexOf(c)}]`;
      const mine = ownChecks.get(c.id);
      if (mine) {
        if (mine.label !== c.label.vi) conflicts.push({ kind: 'check', id: c.id, position, against: 'own', fields: ['label'] });
        return;
      }
      const row: ImportedCheck = { id: c.id, label: c.label, targets: c.targets, ...(c.retired ? { retired: true } : {}), origin };
      const before = storedChecks[i];
      if (!before) {
        checkRows.push(row);
        checksNew++;
        return;
      }
      const fields = differing(before, row, ['label', 'targets', 'retired'] as const).filter((f) =>
        f === 'label' ? before.label.vi !== row.label.vi || before.label.en !== row.label.en : f === 'targets' ? before.targets.join() !== row.targets.join() : true,
      );
      if (!fields.length) return;
      conflicts.push({ kind: 'check', id: c.id, position, against: 'imported', fields });
      if (choice === 'replace') checkRows.push({ ...row, origin: before.origin });
    });

    if (conflicts.length && choice === 'ask') return { name, status: 'conflict', conflicts };

    // 5. Checks no definition describes.
    const known_ = new Set([...library, ...ownChecks.keys(), ...file.checks.map((c) => c.id)]);
    const unseen = [...new Set([...file.sessions.flatMap((s) => s.checkIds), ...file.events.map((e) => e.checkId)])].filter((id) => !known_.has(id));
    const storedUnknown = new Set((await db.importedChecks.bulkGet(unseen)).filter(Boolean).map((c) => c!.id));
    const unknownChecks = unseen.filter((id) => !storedUnknown.has(id));

    const replace = choice === 'replace' ? toReplace : [];
    await db.importedEvents.bulkAdd(toAdd);
    if (replace.length) await db.importedEvents.bulkPut(replace);
    if (sessionRows.length) await db.importedSessions.bulkPut(sessionRows);
    if (checkRows.length) await db.importedChecks.bulkPut(checkRows);
    await db.imports.add({ checksum: origin, fileName: name, importedAt: now, events: toAdd.length });
    return {
      name, status: 'imported', file,
      added: toAdd.length, duplicates, replaced: replace.length,
      sessions: added, sessionsMerged: merged, sessionsKnown: known,
      checksAdded: checksNew,
      conflicts, ...(conflicts.length && choice !== 'ask' ? { choice } : {}),
      orphans, unknownChecks,
    };
  });
}
