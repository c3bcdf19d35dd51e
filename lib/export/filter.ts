import type { FilingSession, TickEvent } from '../journal/db';
import { DEFAULT_ZONE, dayStartIn } from '../text/format';

/** What a supervisor asks for. Dates are inclusive local days "YYYY-MM-DD" (in the report's zone, Asia/Ho_Chi_Minh by default). */
export interface ExportFilter {
  from?: string;
  to?: string;
  unit?: string;
  procedureKey?: string;
  checkId?: string;
  includeDemo?: boolean;
}

export interface JournalData {
  sessions: FilingSession[];
  events: TickEvent[];
}

/** Local midnight of the day after `day` (not +24 h: a day is not always 24 h long). */
function nextDayStart(day: string, zone: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return dayStartIn(d.toISOString().slice(0, 10), zone);
}

/**
 * The filings in the filter and their ticks. A filing belongs to the period it
 * was received in (its session's creation, as a local day in `zone`), and is
 * counted even when nothing was ticked on it yet: that is a filing whose checks
 * are not done, and leaving it out would raise every rate. Its ticks come along
 * whenever they were made. Unit: the filing's office, or an officer of that
 * office who ticked on it. Check: filings that showed the check, and only its
 * ticks. Demo filings and demo ticks only when asked.
 */
export function filterJournal(data: JournalData, filter: ExportFilter, zone: string = DEFAULT_ZONE): JournalData {
  const from = filter.from ? dayStartIn(filter.from, zone) : -Infinity;
  const to = filter.to ? nextDayStart(filter.to, zone) : Infinity;
  const candidates = new Map<string, FilingSession>();
  for (const s of data.sessions) {
    if (!filter.includeDemo && s.demo) continue;
    if (s.createdAt < from || s.createdAt >= to) continue;
    if (filter.procedureKey && s.procedureKey !== filter.procedureKey) continue;
    if (filter.checkId && !s.checkIds.includes(filter.checkId)) continue;
    candidates.set(s.id, s);
  }
  const events: TickEvent[] = [];
  const unitTicked = new Set<string>();
  for (const e of data.events) {
    if (!candidates.has(e.sessionId)) continue;
    if (!filter.includeDemo && e.demo) continue;
    if (filter.checkId && e.checkId !== filter.checkId) continue;
    if (filter.unit && e.unit !== filter.unit) continue;
    events.push(e);
    unitTicked.add(e.sessionId);
  }
  const sessions: FilingSession[] = [];
  for (const s of candidates.values()) {
    if (filter.unit && s.unit !== filter.unit && !unitTicked.has(s.id)) continue;
    sessions.push(s);
  }
  return { sessions, events };
}

/**
 * With a check chosen, a report or export speaks of that check only: each
 * filing's check list is narrowed to it (the other checks' columns and rates
 * would otherwise read as "not done" for lack of their ticks).
 */
export function narrowToCheck(data: JournalData, checkId: string | undefined): JournalData {
  if (!checkId) return data;
  return { sessions: data.sessions.map((s) => ({ ...s, checkIds: s.checkIds.filter((id) => id === checkId) })), events: data.events };
}
