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

/** Events in the filter, and the sessions they belong to (demo left out unless asked). Days are read in `zone`. */
export function filterJournal(data: JournalData, filter: ExportFilter, zone: string = DEFAULT_ZONE): JournalData {
  const from = filter.from ? dayStartIn(filter.from, zone) : -Infinity;
  const to = filter.to ? nextDayStart(filter.to, zone) : Infinity;
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const events = data.events.filter((e) => {
    if (!filter.includeDemo && e.demo) return false;
    if (e.at < from || e.at >= to) return false;
    if (filter.unit && e.unit !== filter.unit) return false;
    if (filter.checkId && e.checkId !== filter.checkId) return false;
    if (filter.procedureKey && sessions.get(e.sessionId)?.procedureKey !== filter.procedureKey) return false;
    return true;
  });
  const used = new Set(events.map((e) => e.sessionId));
  return { sessions: data.sessions.filter((s) => used.has(s.id)), events };
}
