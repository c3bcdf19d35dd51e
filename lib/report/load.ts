import type { FilingSession, ImportedCheck, ImportedEvent, ImportedSession, JournalDb, TickEvent } from '../journal/db';
import { checkRows } from '../export/valid';
import { ReportEngine } from './engine';

/**
 * The report page's reader: the own and imported rows of the journal (the
 * same rows as lib/journal/report-source.ts, imported filings under their key)
 * read page by page in primary-key order straight into a ReportEngine. No
 * page is large, and the reader yields between pages, so the page stays
 * responsive however large the journal is; no row object outlives its page.
 */

export const LOAD_PAGE = 5_000;

/** From this many ticks on, the page suggests `da06 report` (DuckDB) instead. */
export const HANDOVER_TICKS = 1_000_000;

export function handoverAdvised(events: number): boolean {
  return events >= HANDOVER_TICKS;
}

export class LoadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'LoadCancelled';
  }
}

interface Pageable<T> {
  where(index: string): { above(key: string): { limit(n: number): { toArray(): Promise<T[]> } } };
}

/** Every row of a table, page by page, by primary key. */
async function eachPage<T>(table: Pageable<T>, keyOf: (row: T) => string, page: number, visit: (rows: T[]) => void, between: () => Promise<void>): Promise<void> {
  let last = '';
  for (;;) {
    const rows = await table.where(':id').above(last).limit(page).toArray();
    if (rows.length === 0) return;
    visit(rows);
    last = keyOf(rows[rows.length - 1]);
    if (rows.length < page) return;
    await between();
  }
}

export interface LoadOptions {
  page?: number;
  onProgress?: (rows: number) => void;
  signal?: AbortSignal;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadReportEngine(db: JournalDb, opts: LoadOptions = {}): Promise<{ engine: ReportEngine; importedChecks: ImportedCheck[] }> {
  const engine = new ReportEngine();
  const page = opts.page ?? LOAD_PAGE;
  let rows = 0;
  const between = async () => {
    if (opts.signal?.aborted) throw new LoadCancelled();
    opts.onProgress?.(rows);
    await nextTask();
    if (opts.signal?.aborted) throw new LoadCancelled();
  };
  // Every row is checked on read (lib/export/valid): a malformed one is counted and left out.
  const sessions = (list: readonly unknown[]) => {
    const r = checkRows({ sessions: list, events: [] });
    engine.addSessions(r.data.sessions);
    engine.bad.sessions += r.bad.sessions;
    rows += list.length;
  };
  const events = (list: readonly unknown[]) => {
    const r = checkRows({ sessions: [], events: list });
    engine.addEvents(r.data.events);
    engine.bad.events += r.bad.events;
    rows += list.length;
  };
  await eachPage<FilingSession>(db.sessions, (s) => s.id, page, sessions, between);
  await eachPage<TickEvent>(db.events, (e) => e.id, page, events, between);
  await eachPage<ImportedSession>(db.importedSessions, (s) => s.key, page, (list) => {
    // An imported filing is known by its key (officer + id), as in report-source.
    const mapped = new Array<FilingSession>(list.length);
    for (let i = 0; i < list.length; i++) mapped[i] = { ...list[i], id: list[i].key };
    sessions(mapped);
  }, between);
  await eachPage<ImportedEvent>(db.importedEvents, (e) => e.id, page, (list) => {
    const mapped = new Array<TickEvent>(list.length);
    for (let i = 0; i < list.length; i++) mapped[i] = { ...list[i], sessionId: list[i].sessionKey };
    events(mapped);
  }, between);
  const importedChecks = await db.importedChecks.toArray();
  opts.onProgress?.(rows);
  return { engine, importedChecks };
}

/** A cheap fingerprint of the journal's size: the page reloads when it changes. */
export async function journalFingerprint(db: JournalDb): Promise<string> {
  const counts = await Promise.all([db.sessions.count(), db.events.count(), db.importedSessions.count(), db.importedEvents.count(), db.importedChecks.count(), db.customChecks.count()]);
  return counts.join(':');
}
