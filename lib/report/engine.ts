import type { Catalog, Target } from '../catalog/schema';
import type { FilingSession, TickEvent } from '../journal/db';
import { isoWeek, type CheckInfo, type Rate, type Report } from './aggregate';

/**
 * The report's columnar engine. Rows are read once (in chunks, in any order)
 * into typed arrays: one entry per filing and one per (filing, check shown)
 * "cell" holding the cell's latest tick. A filter change then only walks
 * those arrays (no object per row, no re-read, no spread over rows), so a
 * million ticks re-aggregate in milliseconds.
 *
 * Figures are those of buildReport: a check counts for a filing when the
 * filing showed it and its latest tick is not "not applicable"; it is done
 * when its latest tick is "done"; only filings with at least one counted tick
 * appear; demo ticks count only when asked. Filters differ in one way, on
 * purpose: the period, unit and procedure select filings (received in the
 * period, at the unit), the check selects that check's cells.
 */

export interface Cell {
  done: number;
  applicable: number;
}

/** Everything a report needs, before labels and sorting. */
export interface Totals {
  sessions: number;
  events: number;
  staff: Iterable<string>;
  units: Iterable<string>;
  period: { from?: number; to?: number };
  byCheck: Map<string, Cell>;
  byProcedure: Map<string, Cell>;
  byUnit: Map<string, Cell>;
  byWeek: Map<string, Cell>;
  procedureNames: Map<string, string>;
}

export interface EngineFilter {
  /** Inclusive local days "YYYY-MM-DD" of the filing's reception. */
  from?: string;
  to?: string;
  unit?: string;
  procedureKey?: string;
  checkId?: string;
  includeDemo?: boolean;
}

/** The check's headline percentage target, when it has one. */
export function headlineTarget(check: CheckInfo | undefined, targets: ReadonlyMap<string, Target>): Rate['target'] {
  for (const ref of check?.targets ?? []) {
    const t = targets.get(ref);
    if (t && t.unit === '%') return { ref, value: t.value, statement: t.statement };
  }
  return undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Labels, targets and the report's row orders (the same as buildReport's). */
export function reportFromTotals(totals: Totals, checks: readonly CheckInfo[], catalog: Catalog): Report {
  const targets = new Map<string, Target>(catalog.targets.map((t) => [t.ref, t]));
  const checkInfo = new Map(checks.map((c) => [c.id, c]));
  const order = new Map(checks.map((c, i) => [c.id, i]));
  const rows = (map: Map<string, Cell>, label: (k: string) => string, withTarget = false): Rate[] => {
    const out: Rate[] = [];
    for (const [key, c] of map) {
      if (c.applicable === 0) continue;
      out.push({
        key, label: label(key), done: c.done, applicable: c.applicable, rate: c.done / c.applicable,
        ...(withTarget ? { target: headlineTarget(checkInfo.get(key), targets) } : {}),
      });
    }
    return out;
  };
  return {
    sessions: totals.sessions,
    events: totals.events,
    staff: Array.from(new Set(totals.staff)).filter(Boolean).sort(byText),
    units: Array.from(new Set(totals.units)).filter(Boolean).sort(byText),
    period: totals.period,
    byCheck: rows(totals.byCheck, (k) => checkInfo.get(k)?.label ?? k, true).sort((a, b) => (order.get(a.key) ?? -1) - (order.get(b.key) ?? -1)),
    byProcedure: rows(totals.byProcedure, (k) => totals.procedureNames.get(k) ?? k).sort((a, b) => b.applicable - a.applicable),
    byUnit: rows(totals.byUnit, (k) => k).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    byWeek: rows(totals.byWeek, (k) => k).sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

/** Growable typed column. */
class Column<A extends Float64Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: A, private readonly make: (n: number) => A) {}
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const next = this.make(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}
const f64 = () => new Column(new Float64Array(1024), (n) => new Float64Array(n));
const i32 = () => new Column(new Int32Array(1024), (n) => new Int32Array(n));
const u8 = () => new Column(new Uint8Array(1024), (n) => new Uint8Array(n));

/** Strings to small integers (units, procedures, checks, weeks, staff). */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
  get(value: string): number | undefined {
    return this.index.get(value);
  }
}

// Cell states: the latest tick (0 none or cleared, 1 done, 2 not applicable).
const STATE = { cleared: 0, done: 1, na: 2 } as const;

function dayStart(day: string): number {
  return new Date(`${day}T00:00:00`).getTime();
}

/**
 * Build with addSessions / addEvents (chunks, any order: a tick may come
 * before its filing), then call report(filter) as often as needed.
 */
export class ReportEngine {
  private readonly sessionIds = new Map<string, number>();
  private readonly units = new Dictionary();
  private readonly procedures = new Dictionary();
  private readonly procedureNames: string[] = [];
  private readonly checks = new Dictionary();
  private readonly weeks = new Dictionary();
  private readonly staff = new Dictionary();
  // Per filing (index = session number). known = 1 once the filing's row arrived.
  private readonly sKnown = u8();
  private readonly sUnit = i32();
  private readonly sProc = i32();
  private readonly sWeek = i32();
  private readonly sStaff = i32();
  private readonly sDemo = u8();
  private readonly sCreated = f64();
  /** Ticks on this filing: all, and without demo ones. */
  private readonly sTicks = i32();
  private readonly sTicksReal = i32();
  // Per cell: one (filing, check) pair that has ticks or was shown.
  private readonly cellIds = new Map<number, number>();
  private readonly cSession = i32();
  private readonly cCheck = i32();
  private readonly cShown = u8();
  /** Latest tick over all ticks / over non-demo ticks: time, state, tick-count (for the check filter). */
  private readonly cAt = f64();
  private readonly cState = u8();
  private readonly cAtReal = f64();
  private readonly cStateReal = u8();
  private readonly cTicks = i32();
  private readonly cTicksReal = i32();
  /** Tick ids of the latest ticks, for ties in time (deriveState orders by time, then id). */
  private readonly cId: string[] = [];
  private readonly cIdReal: string[] = [];
  /** Ticks read. */
  rows = 0;

  private session(id: string): number {
    let i = this.sessionIds.get(id);
    if (i === undefined) {
      i = this.sessionIds.size;
      this.sessionIds.set(id, i);
      for (const c of [this.sKnown, this.sUnit, this.sProc, this.sWeek, this.sStaff, this.sDemo, this.sCreated, this.sTicks, this.sTicksReal]) {
        c.ensure(i + 1);
        c.length = i + 1;
      }
    }
    return i;
  }

  private cell(session: number, checkId: string): number {
    const check = this.checks.id(checkId);
    // Session × 65536 + check: exact in a double up to 10^11 filings.
    const key = session * 65_536 + check;
    let c = this.cellIds.get(key);
    if (c === undefined) {
      c = this.cellIds.size;
      this.cellIds.set(key, c);
      for (const col of [this.cSession, this.cCheck, this.cShown, this.cAt, this.cState, this.cAtReal, this.cStateReal, this.cTicks, this.cTicksReal]) {
        col.ensure(c + 1);
        col.length = c + 1;
      }
      this.cSession.data[c] = session;
      this.cCheck.data[c] = check;
      this.cAt.data[c] = -Infinity;
      this.cAtReal.data[c] = -Infinity;
      this.cId.push('');
      this.cIdReal.push('');
    }
    return c;
  }

  /** Filings; the first row of an id wins (as the journal keeps the first stored). */
  addSessions(sessions: readonly FilingSession[]): void {
    for (const s of sessions) {
      const i = this.session(s.id);
      if (this.sKnown.data[i]) continue;
      this.sKnown.data[i] = 1;
      this.sUnit.data[i] = this.units.id(s.unit || '—');
      const p = this.procedures.id(s.procedureKey);
      this.procedureNames[p] = s.procedureName;
      this.sProc.data[i] = p;
      this.sWeek.data[i] = this.weeks.id(isoWeek(s.createdAt));
      this.sStaff.data[i] = this.staff.id(s.staff);
      this.sDemo.data[i] = s.demo ? 1 : 0;
      this.sCreated.data[i] = s.createdAt;
      for (const checkId of s.checkIds) {
        const c = this.cell(i, checkId); // first: it may grow the columns (and replace .data)
        this.cShown.data[c] = 1;
      }
    }
  }

  /** Ticks, each once (the caller's store is keyed by tick id). */
  addEvents(events: readonly TickEvent[]): void {
    for (const e of events) {
      this.rows++;
      const s = this.session(e.sessionId);
      const c = this.cell(s, e.checkId);
      const state = STATE[e.state];
      this.sTicks.data[s]++;
      this.cTicks.data[c]++;
      if (e.at > this.cAt.data[c] || (e.at === this.cAt.data[c] && e.id > this.cId[c])) {
        this.cAt.data[c] = e.at;
        this.cState.data[c] = state;
        this.cId[c] = e.id;
      }
      if (e.demo) continue;
      this.sTicksReal.data[s]++;
      this.cTicksReal.data[c]++;
      if (e.at > this.cAtReal.data[c] || (e.at === this.cAtReal.data[c] && e.id > this.cIdReal[c])) {
        this.cAtReal.data[c] = e.at;
        this.cStateReal.data[c] = state;
        this.cIdReal[c] = e.id;
      }
    }
  }

  get size(): { sessions: number; events: number; cells: number } {
    return { sessions: this.sessionIds.size, events: this.rows, cells: this.cellIds.size };
  }

  /** Units and procedures present (for the filter lists). */
  choices(): { units: string[]; procedures: [string, string][] } {
    return {
      units: this.units.values.filter((u) => u !== '—').sort(byText),
      procedures: this.procedures.values.map((k, i) => [k, this.procedureNames[i]] as [string, string]),
    };
  }

  totals(filter: EngineFilter = {}): Totals {
    const from = filter.from ? dayStart(filter.from) : -Infinity;
    const to = filter.to ? dayStart(filter.to) + 86_400_000 : Infinity;
    const unit = filter.unit ? this.units.get(filter.unit) ?? -2 : -1;
    const proc = filter.procedureKey ? this.procedures.get(filter.procedureKey) ?? -2 : -1;
    const check = filter.checkId ? this.checks.get(filter.checkId) ?? -2 : -1;
    const demo = Boolean(filter.includeDemo);
    const nS = this.sessionIds.size;
    const nC = this.cellIds.size;
    const state = demo ? this.cState.data : this.cStateReal.data;
    const ticks = demo ? this.cTicks.data : this.cTicksReal.data;
    // 1. Which filings the filter keeps, and how many of their ticks count.
    // A filing takes part once it has a counted tick on any check; "events" counts the chosen check's ticks.
    const keep = new Uint8Array(nS);
    const counted = new Int32Array(nS);
    const active = demo ? this.sTicks.data : this.sTicksReal.data;
    if (check !== -1) for (let c = 0; c < nC; c++) if (this.cCheck.data[c] === check) counted[this.cSession.data[c]] += ticks[c];
    let sessions = 0;
    let events = 0;
    let min = Infinity;
    let max = -Infinity;
    const staff = new Uint8Array(this.staff.values.length);
    const units = new Uint8Array(this.units.values.length);
    for (let s = 0; s < nS; s++) {
      if (active[s] === 0) continue;
      const known = this.sKnown.data[s] === 1;
      if (known) {
        const t = this.sCreated.data[s];
        if (t < from || t >= to) continue;
        if (unit !== -1 && this.sUnit.data[s] !== unit) continue;
        if (proc !== -1 && this.sProc.data[s] !== proc) continue;
      } else if (from !== -Infinity || to !== Infinity || unit !== -1 || proc !== -1) continue;
      events += check === -1 ? active[s] : counted[s];
      if (!known) continue; // ticks without their filing count as ticks only
      keep[s] = 1;
      sessions++;
      const t = this.sCreated.data[s];
      if (t < min) min = t;
      if (t > max) max = t;
      staff[this.sStaff.data[s]] = 1;
      units[this.sUnit.data[s]] = 1;
    }
    // 2. The cells of kept filings that they showed.
    const nCheck = this.checks.values.length;
    const nProc = this.procedures.values.length;
    const nUnit = this.units.values.length;
    const nWeek = this.weeks.values.length;
    const acc = (n: number) => ({ done: new Int32Array(n), applicable: new Int32Array(n) });
    const aCheck = acc(nCheck);
    const aProc = acc(nProc);
    const aUnit = acc(nUnit);
    const aWeek = acc(nWeek);
    for (let c = 0; c < nC; c++) {
      const s = this.cSession.data[c];
      if (!keep[s] || !this.cShown.data[c]) continue;
      const k = this.cCheck.data[c];
      if (check !== -1 && k !== check) continue;
      const st = state[c];
      if (st === STATE.na) continue;
      const d = st === STATE.done ? 1 : 0;
      aCheck.applicable[k]++;
      aCheck.done[k] += d;
      const p = this.sProc.data[s];
      aProc.applicable[p]++;
      aProc.done[p] += d;
      const u = this.sUnit.data[s];
      aUnit.applicable[u]++;
      aUnit.done[u] += d;
      const w = this.sWeek.data[s];
      aWeek.applicable[w]++;
      aWeek.done[w] += d;
    }
    const toMap = (a: { done: Int32Array; applicable: Int32Array }, names: string[]) => {
      const m = new Map<string, Cell>();
      for (let i = 0; i < names.length; i++) if (a.applicable[i] > 0) m.set(names[i], { done: a.done[i], applicable: a.applicable[i] });
      return m;
    };
    return {
      sessions,
      events,
      staff: this.staff.values.filter((_, i) => staff[i]),
      units: this.units.values.filter((u, i) => units[i] && u !== '—'),
      period: sessions ? { from: min, to: max } : {},
      byCheck: toMap(aCheck, this.checks.values),
      byProcedure: toMap(aProc, this.procedures.values),
      byUnit: toMap(aUnit, this.units.values),
      byWeek: toMap(aWeek, this.weeks.values),
      procedureNames: new Map(this.procedures.values.map((k, i) => [k, this.procedureNames[i]])),
    };
  }

  report(filter: EngineFilter, checks: readonly CheckInfo[], catalog: Catalog): Report {
    return reportFromTotals(this.totals(filter), checks, catalog);
  }
}
