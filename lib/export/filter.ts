import type { FilingSession, TickEvent } from '../journal/db';

/** What a supervisor asks for. Dates are inclusive local days "YYYY-MM-DD". */
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

function dayStart(day: string): number {
  return new Date(`${day}T00:00:00`).getTime();
}

/** Events in the filter, and the sessions they belong to (demo left out unless asked). */
export function filterJournal(data: JournalData, filter: ExportFilter): JournalData {
  const from = filter.from ? dayStart(filter.from) : -Infinity;
  const to = filter.to ? dayStart(filter.to) + 86_400_000 : Infinity;
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
