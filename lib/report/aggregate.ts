import type { Catalog, Target } from '../catalog/schema';
import type { FilingSession, TickEvent } from '../journal/db';
import { deriveState } from '../journal/journal';
import { DEFAULT_ZONE, isoWeekIn } from '../text/format';

/**
 * Completion rates for the supervisor's report. A check counts for a filing
 * when the filing showed it and it was not marked "not applicable"; it is
 * complete when its latest tick is "done".
 */

export interface Rate {
  key: string;
  label: string;
  done: number;
  applicable: number;
  /** done ÷ applicable, or null when nothing applied. */
  rate: number | null;
  /** The check's headline percentage target, when it has one. */
  target?: { ref: string; value: number; statement: string };
}

export interface CheckInfo {
  id: string;
  label: string;
  targets: string[];
}

interface Cell {
  done: number;
  applicable: number;
}

function rate(c: Cell): number | null {
  return c.applicable === 0 ? null : c.done / c.applicable;
}

/** ISO week "2026-W47" of a time, by the local calendar day in Asia/Ho_Chi_Minh (lib/text/format.ts). */
export function isoWeek(ms: number): string {
  return isoWeekIn(ms, DEFAULT_ZONE);
}

export interface Report {
  sessions: number;
  events: number;
  staff: string[];
  units: string[];
  period: { from?: number; to?: number };
  byCheck: Rate[];
  byProcedure: Rate[];
  byUnit: Rate[];
  byWeek: Rate[];
}

export function buildReport(sessions: readonly FilingSession[], events: readonly TickEvent[], checks: readonly CheckInfo[], catalog: Catalog): Report {
  const targets = new Map<string, Target>(catalog.targets.map((t) => [t.ref, t]));
  const bySession = new Map<string, TickEvent[]>();
  for (const e of events) {
    const list = bySession.get(e.sessionId);
    if (list) list.push(e);
    else bySession.set(e.sessionId, [e]);
  }
  const cells = { check: new Map<string, Cell>(), procedure: new Map<string, Cell>(), unit: new Map<string, Cell>(), week: new Map<string, Cell>() };
  const procedureNames = new Map<string, string>();
  const add = (map: Map<string, Cell>, key: string, done: boolean) => {
    const c = map.get(key) ?? { done: 0, applicable: 0 };
    c.applicable++;
    if (done) c.done++;
    map.set(key, c);
  };
  for (const s of sessions) {
    const state = deriveState(bySession.get(s.id) ?? []);
    procedureNames.set(s.procedureKey, s.procedureName);
    for (const checkId of s.checkIds) {
      const st = state.get(checkId);
      if (st?.state === 'na') continue;
      const done = st?.state === 'done';
      add(cells.check, checkId, done);
      add(cells.procedure, s.procedureKey, done);
      add(cells.unit, s.unit || '—', done);
      add(cells.week, isoWeek(s.createdAt), done);
    }
  }
  const checkInfo = new Map(checks.map((c) => [c.id, c]));
  const headlineTarget = (check: CheckInfo | undefined) => {
    for (const ref of check?.targets ?? []) {
      const t = targets.get(ref);
      if (t && t.unit === '%') return { ref, value: t.value, statement: t.statement };
    }
    return undefined;
  };
  const rows = (map: Map<string, Cell>, label: (k: string) => string, withTarget = false): Rate[] =>
    [...map].map(([key, c]) => ({
      key, label: label(key), done: c.done, applicable: c.applicable, rate: rate(c),
      ...(withTarget ? { target: headlineTarget(checkInfo.get(key)) } : {}),
    }));
  // A loop, not Math.min(...times): a spread of every row overflows the call stack past ~120,000 filings.
  let from = Infinity;
  let to = -Infinity;
  for (const s of sessions) {
    if (s.createdAt < from) from = s.createdAt;
    if (s.createdAt > to) to = s.createdAt;
  }
  return {
    sessions: sessions.length,
    events: events.length,
    staff: [...new Set(sessions.map((s) => s.staff).filter(Boolean))].sort(),
    units: [...new Set(sessions.map((s) => s.unit).filter(Boolean))].sort(),
    period: sessions.length ? { from, to } : {},
    byCheck: rows(cells.check, (k) => checkInfo.get(k)?.label ?? k, true).sort(
      (a, b) => checks.findIndex((c) => c.id === a.key) - checks.findIndex((c) => c.id === b.key),
    ),
    byProcedure: rows(cells.procedure, (k) => procedureNames.get(k) ?? k).sort((a, b) => b.applicable - a.applicable),
    byUnit: rows(cells.unit, (k) => k).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    byWeek: rows(cells.week, (k) => k).sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}
