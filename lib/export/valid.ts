import { CHECK_STATES, type FilingSession, type TickEvent } from '../journal/db';
import type { JournalData } from './filter';

/**
 * Rows as read from IndexedDB are not trusted: an older version, a bug or a
 * hand-edit may have left a session whose `checkIds` is not a list, or a tick
 * without a time. One such row used to take the whole report page down
 * ("n.checkIds is not iterable"). Here every row is checked on read; the good
 * ones go on to the report and the exports, the bad ones are only counted.
 *
 * Hand-written checks rather than a zod schema: they run on every row each time
 * the report reads the journal (hundreds of thousands of rows), and only the
 * fields the report and exports use are checked.
 */

export interface RowCheck {
  data: JournalData;
  /** How many rows were left out, per store. */
  bad: { sessions: number; events: number };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const STATES = new Set<string>(CHECK_STATES);

export function isSessionRow(row: unknown): row is FilingSession {
  if (typeof row !== 'object' || row === null) return false;
  const s = row as Record<string, unknown>;
  return (
    isString(s.id) && isString(s.procedureKey) && isString(s.procedureName) && isString(s.label) &&
    Array.isArray(s.checkIds) && s.checkIds.every(isString) &&
    optionalString(s.procedureCode) && optionalString(s.dossierCode) &&
    optionalString(s.staff) && optionalString(s.unit) && isTime(s.createdAt)
  );
}

export function isEventRow(row: unknown): row is TickEvent {
  if (typeof row !== 'object' || row === null) return false;
  const e = row as Record<string, unknown>;
  return (
    isString(e.id) && isString(e.sessionId) && isString(e.checkId) && isString(e.state) && STATES.has(e.state) &&
    isTime(e.at) && optionalString(e.note) && optionalString(e.staff) && optionalString(e.unit)
  );
}

/** Good rows (with missing optional text fields made empty) and the count of the rest. */
export function checkRows(raw: { sessions: readonly unknown[]; events: readonly unknown[] }): RowCheck {
  const sessions: FilingSession[] = [];
  const events: TickEvent[] = [];
  let badSessions = 0;
  let badEvents = 0;
  for (const row of raw.sessions) {
    if (!isSessionRow(row)) badSessions++;
    else sessions.push(row.staff === undefined || row.unit === undefined ? { ...row, staff: row.staff ?? '', unit: row.unit ?? '', demo: Boolean(row.demo) } : row);
  }
  for (const row of raw.events) {
    if (!isEventRow(row)) badEvents++;
    else events.push(row.staff === undefined || row.unit === undefined ? { ...row, staff: row.staff ?? '', unit: row.unit ?? '', demo: Boolean(row.demo) } : row);
  }
  return { data: { sessions, events }, bad: { sessions: badSessions, events: badEvents } };
}
