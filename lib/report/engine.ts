import type { Catalog, Target } from '../catalog/schema';
import type { FilingSession, TickEvent } from '../journal/db';
import { DEFAULT_ZONE, dayStartIn } from '../text/format';
import { isoWeek, type CheckInfo, type Rate, type Report } from './aggregate';

/**
 * The report's columnar engine. Rows are read once (in pages, in any order)
 * into typed arrays: one entry per filing, per (filing, check) "cell" and per
 * tick; strings become small integers. A filter change then walks those
 * arrays (no object per row, no re-read from IndexedDB, no spread over rows),
 * so a million ticks re-aggregate in tens of milliseconds.
 *
 * Figures are exactly those of filterJournal + buildReport (the chosen check
 * scoping each filing's check list): see ReportEngine.
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

// Tick states as small numbers.
const STATE = { cleared: 0, done: 1, na: 2 } as const;

/** Local midnight of the day after `day` in `zone` (a day is not always 24 h). */
function nextDayStart(day: string, zone: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return dayStartIn(d.toISOString().slice(0, 10), zone);
}

/**
 * Build with addSessions / addEvents (chunks, any order: a tick may come
 * before its filing), then call totals/report(filter) as often as needed.
 *
 * Filters are those of lib/export/filter (filterJournal) followed by
 * buildReport, with the chosen check scoping the filings' check lists:
 * filings by the local day they were received, their procedure, the check
 * they showed, demo only when asked; ticks of those filings, of the chosen
 * check and unit, demo only when asked; a filing of another unit stays when an
 * officer of the chosen unit ticked on it.
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
  // Per cell: one (filing, check) pair; shown = how many times the filing's list names the check.
  private readonly cellIds = new Map<number, number>();
  private readonly cSession = i32();
  private readonly cCheck = i32();
  private readonly cShown = u8();
  // Per tick.
  private readonly tCell = i32();
  private readonly tAt = f64();
  private readonly tState = u8();
  private readonly tDemo = u8();
  private readonly tUnit = i32();
  private readonly tId: string[] = [];
  /** Rows left out on read (malformed), per store; set by the reader. */
  readonly bad = { sessions: 0, events: 0 };

  private session(id: string): number {
    let i = this.sessionIds.get(id);
    if (i === undefined) {
      i = this.sessionIds.size;
      this.sessionIds.set(id, i);
      for (const c of [this.sKnown, this.sUnit, this.sProc, this.sWeek, this.sStaff, this.sDemo, this.sCreated]) {
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
      for (const col of [this.cSession, this.cCheck, this.cShown]) {
        col.ensure(c + 1);
        col.length = c + 1;
      }
      this.cSession.data[c] = session;
      this.cCheck.data[c] = check;
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
        this.cShown.data[c]++;
      }
    }
  }

  /** Ticks, each once (the caller's store is keyed by tick id). */
  addEvents(events: readonly TickEvent[]): void {
    for (const e of events) {
      const c = this.cell(this.session(e.sessionId), e.checkId);
      const t = this.tId.length;
      for (const col of [this.tCell, this.tAt, this.tState, this.tDemo, this.tUnit]) {
        col.ensure(t + 1);
        col.length = t + 1;
      }
      this.tCell.data[t] = c;
      this.tAt.data[t] = e.at;
      this.tState.data[t] = STATE[e.state];
      this.tDemo.data[t] = e.demo ? 1 : 0;
      this.tUnit.data[t] = this.units.id(e.unit || '—');
      this.tId.push(e.id);
    }
  }

  get size(): { sessions: number; events: number; cells: number } {
    let known = 0;
    for (let s = 0; s < this.sessionIds.size; s++) known += this.sKnown.data[s];
    return { sessions: known, events: this.tId.length, cells: this.cellIds.size };
  }

  /** Units and procedures of the filings (for the filter lists), and every check a filing showed. */
  choices(): { units: string[]; procedures: [string, string][]; checkIds: string[] } {
    const units = new Set<string>();
    for (let s = 0; s < this.sessionIds.size; s++) if (this.sKnown.data[s]) units.add(this.units.values[this.sUnit.data[s]]);
    units.delete('—');
    return {
      units: Array.from(units).sort(),
      procedures: this.procedures.values.map((k, i) => [k, this.procedureNames[i]] as [string, string]),
      checkIds: this.shownChecks(),
    };
  }

  private shownChecks(): string[] {
    const shown = new Uint8Array(this.checks.values.length);
    for (let c = 0; c < this.cellIds.size; c++) if (this.cShown.data[c]) shown[this.cCheck.data[c]] = 1;
    return this.checks.values.filter((_, k) => shown[k]);
  }

  totals(filter: EngineFilter = {}, zone: string = DEFAULT_ZONE): Totals & { demoSessions: number; demoEvents: number } {
    const from = filter.from ? dayStartIn(filter.from, zone) : -Infinity;
    const to = filter.to ? nextDayStart(filter.to, zone) : Infinity;
    const unit = filter.unit ? this.units.get(filter.unit) ?? -2 : -1;
    const proc = filter.procedureKey ? this.procedures.get(filter.procedureKey) ?? -2 : -1;
    const check = filter.checkId ? this.checks.get(filter.checkId) ?? -2 : -1;
    const demo = Boolean(filter.includeDemo);
    const nS = this.sessionIds.size;
    const nC = this.cellIds.size;
    const nT = this.tId.length;
    // 1. Candidate filings: received in the period, of the procedure, showing the check, demo only when asked.
    const candidate = new Uint8Array(nS);
    for (let s = 0; s < nS; s++) {
      if (!this.sKnown.data[s]) continue;
      if (!demo && this.sDemo.data[s]) continue;
      const t = this.sCreated.data[s];
      if (t < from || t >= to) continue;
      if (proc !== -1 && this.sProc.data[s] !== proc) continue;
      candidate[s] = 1;
    }
    if (check !== -1) {
      const shows = new Uint8Array(nS);
      for (let c = 0; c < nC; c++) if (this.cCheck.data[c] === check && this.cShown.data[c]) shows[this.cSession.data[c]] = 1;
      for (let s = 0; s < nS; s++) candidate[s] &= shows[s];
    }
    // 2. Their ticks in the filter; each cell's latest such tick (time, then id, as deriveState orders them).
    const latest = new Int32Array(nC).fill(-1);
    const unitTicked = new Uint8Array(nS);
    let events = 0;
    let demoEvents = 0;
    for (let t = 0; t < nT; t++) {
      const c = this.tCell.data[t];
      const s = this.cSession.data[c];
      if (!candidate[s]) continue;
      if (!demo && this.tDemo.data[t]) continue;
      if (check !== -1 && this.cCheck.data[c] !== check) continue;
      if (unit !== -1 && this.tUnit.data[t] !== unit) continue;
      events++;
      demoEvents += this.tDemo.data[t];
      unitTicked[s] = 1;
      const best = latest[c];
      if (best < 0 || this.tAt.data[t] > this.tAt.data[best] || (this.tAt.data[t] === this.tAt.data[best] && this.tId[t] > this.tId[best])) latest[c] = t;
    }
    // 3. Filings kept: of the unit, or ticked on by an officer of the unit.
    const keep = new Uint8Array(nS);
    let sessions = 0;
    let demoSessions = 0;
    let min = Infinity;
    let max = -Infinity;
    const staff = new Uint8Array(this.staff.values.length);
    const units = new Uint8Array(this.units.values.length);
    for (let s = 0; s < nS; s++) {
      if (!candidate[s]) continue;
      if (unit !== -1 && this.sUnit.data[s] !== unit && !unitTicked[s]) continue;
      keep[s] = 1;
      sessions++;
      demoSessions += this.sDemo.data[s];
      const t = this.sCreated.data[s];
      if (t < min) min = t;
      if (t > max) max = t;
      staff[this.sStaff.data[s]] = 1;
      units[this.sUnit.data[s]] = 1;
    }
    // 4. The cells of kept filings that they showed (the chosen check only).
    const nCheck = this.checks.values.length;
    const acc = (n: number) => ({ done: new Int32Array(n), applicable: new Int32Array(n) });
    const aCheck = acc(nCheck);
    const aProc = acc(this.procedures.values.length);
    const aUnit = acc(this.units.values.length);
    const aWeek = acc(this.weeks.values.length);
    for (let c = 0; c < nC; c++) {
      const times = this.cShown.data[c];
      if (!times) continue;
      const s = this.cSession.data[c];
      if (!keep[s]) continue;
      const k = this.cCheck.data[c];
      if (check !== -1 && k !== check) continue;
      const st = latest[c] < 0 ? STATE.cleared : this.tState.data[latest[c]];
      if (st === STATE.na) continue;
      const d = st === STATE.done ? times : 0;
      const p = this.sProc.data[s];
      const u = this.sUnit.data[s];
      const w = this.sWeek.data[s];
      aCheck.applicable[k] += times;
      aCheck.done[k] += d;
      aProc.applicable[p] += times;
      aProc.done[p] += d;
      aUnit.applicable[u] += times;
      aUnit.done[u] += d;
      aWeek.applicable[w] += times;
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
      demoSessions,
      demoEvents,
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

  report(filter: EngineFilter, checks: readonly CheckInfo[], catalog: Catalog, zone: string = DEFAULT_ZONE): Report & { demoSessions: number; demoEvents: number } {
    const totals = this.totals(filter, zone);
    return { ...reportFromTotals(totals, checks, catalog), demoSessions: totals.demoSessions, demoEvents: totals.demoEvents };
  }
}
