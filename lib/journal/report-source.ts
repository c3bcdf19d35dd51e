import type { FilingSession, ImportedCheck, JournalDb, TickEvent } from './db';

/**
 * The one read API for the supervisor's report (and its exports): the
 * officer's own filings and ticks, then every imported one, in the shapes the
 * report, the CSV/XLSX writers and the JSON export already take.
 *
 * Join keys: a row's `id` (filing) and `sessionId` (tick) are unique across
 * both parts. Own rows keep their ids. An imported filing's `id` is its key
 * (the officer who made it and its original id, see importedSessionKey), so
 * officer A's and officer B's ticks on the same dossier stay with their own
 * filing — and their own unit — instead of merging. The original ids travel
 * in `sourceId` / `sourceSessionId`, which the JSON export writes back.
 */

export interface ReportSession extends FilingSession {
  /** The filing's id as its officer's browser stored it. */
  sourceId: string;
  imported: boolean;
}

export interface ReportEvent extends TickEvent {
  sourceSessionId: string;
  imported: boolean;
}

export interface ReportSource {
  sessions: ReportSession[];
  events: ReportEvent[];
  /** Custom-check definitions that came with imported files (the report shows their wording). */
  importedChecks: ImportedCheck[];
}

export async function readReportSource(db: JournalDb): Promise<ReportSource> {
  return db.transaction('r', [db.sessions, db.events, db.importedSessions, db.importedEvents, db.importedChecks], async () => {
    const [ownSessions, ownEvents, importedSessions, importedEvents, importedChecks] = await Promise.all([
      db.sessions.toArray(),
      db.events.toArray(),
      db.importedSessions.toArray(),
      db.importedEvents.toArray(),
      db.importedChecks.toArray(),
    ]);
    const sessions = new Array<ReportSession>(ownSessions.length + importedSessions.length);
    let i = 0;
    for (const s of ownSessions) sessions[i++] = { ...s, sourceId: s.id, imported: false };
    for (const s of importedSessions) {
      const { key, ...rest } = s;
      sessions[i++] = { ...rest, id: key, sourceId: s.id, imported: true };
    }
    const events = new Array<ReportEvent>(ownEvents.length + importedEvents.length);
    i = 0;
    for (const e of ownEvents) events[i++] = { ...e, sourceSessionId: e.sessionId, imported: false };
    for (const e of importedEvents) {
      const { sessionKey, origin: _origin, ...rest } = e;
      events[i++] = { ...rest, sessionId: sessionKey, sourceSessionId: e.sessionId, imported: true };
    }
    return { sessions, events, importedChecks };
  });
}
