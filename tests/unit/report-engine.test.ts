import { describe, expect, it, vi } from 'vitest';
import { buildReport, type Report } from '../../lib/report/aggregate';
import { ReportEngine } from '../../lib/report/engine';
import { generateJournals, generatorChecks, prng } from '../../lib/report/generate';
import { filterJournal, type ExportFilter } from '../../lib/export/filter';
import { catalog } from '../../lib/match/shipped';
import type { FilingSession, TickEvent } from '../../lib/journal/db';

// Files of thousands of rows (and DuckDB) on a shared 2-core machine: more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const checks = generatorChecks().map((c) => ({ id: c.id, label: c.label.vi, targets: c.targets }));

/** A mixed journal: generated filings plus demo filings, demo ticks, ties in time, orphan ticks. */
function journal(ticks = 6_000) {
  const sessions: FilingSession[] = [];
  const events: TickEvent[] = [];
  for (const j of generateJournals({ ticks, ticksPerFile: 1_500, units: 3, seed: 7 })) {
    sessions.push(...j.sessions);
    events.push(...j.events);
  }
  const rnd = prng(3);
  // A fifth of the filings are demo, with demo ticks.
  for (let i = 0; i < sessions.length; i += 5) sessions[i] = { ...sessions[i], demo: true };
  const demo = new Set(sessions.filter((s) => s.demo).map((s) => s.id));
  for (let i = 0; i < events.length; i++) if (demo.has(events[i].sessionId)) events[i] = { ...events[i], demo: true };
  // Two ticks at the same time on one check: the id decides.
  const e = events[10];
  events.push({ ...e, id: `${e.id}~`, state: e.state === 'done' ? 'na' : 'done' });
  // A filing with no ticks, a tick without a filing, a filing with no unit.
  sessions.push({ ...sessions[1], id: 'lonely', checkIds: ['so-hoa'] });
  events.push({ ...events[0], id: 'orphan', sessionId: 'missing' });
  sessions[2] = { ...sessions[2], unit: '' };
  // Shuffle so that order of arrival does not matter.
  for (let i = events.length - 1; i > 0; i--) {
    const k = Math.floor(rnd() * (i + 1));
    [events[i], events[k]] = [events[k], events[i]];
  }
  return { sessions, events };
}

/** The page's figures before the engine: filterJournal, then buildReport with the chosen check scoping each filing. */
function reference(data: { sessions: FilingSession[]; events: TickEvent[] }, filter: ExportFilter): Report {
  const d = filterJournal(data, filter);
  const scoped = filter.checkId ? d.sessions.map((s) => ({ ...s, checkIds: s.checkIds.filter((id) => id === filter.checkId) })) : d.sessions;
  return buildReport(scoped, d.events, checks, catalog);
}

const canon = (r: Report) => ({ ...r, byProcedure: [...r.byProcedure].sort((a, b) => b.applicable - a.applicable || (a.key < b.key ? -1 : 1)) });

function engineOf(data: { sessions: FilingSession[]; events: TickEvent[] }, chunk = 700, sessionsFirst = false) {
  const engine = new ReportEngine();
  // In chunks, as a paged reader delivers them; ticks may come before their filings.
  const sessions = () => { for (let i = 0; i < data.sessions.length; i += chunk) engine.addSessions(data.sessions.slice(i, i + chunk)); };
  if (sessionsFirst) sessions();
  for (let i = 0; i < data.events.length; i += chunk) engine.addEvents(data.events.slice(i, i + chunk));
  if (!sessionsFirst) sessions();
  return engine;
}

describe('report engine (columnar)', () => {
  const data = journal();
  const engine = engineOf(data);

  const dayOf = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
  const filters: ExportFilter[] = [
    {},
    { includeDemo: true },
    { unit: 'xa-002' },
    { unit: 'xa-002', includeDemo: true },
    { procedureKey: data.sessions[3].procedureKey },
    { checkId: 'so-hoa' },
    { checkId: 'so-hoa', unit: 'xa-001' },
    { from: dayOf(data.sessions[0].createdAt), to: dayOf(data.sessions[0].createdAt) },
    { from: dayOf(data.sessions[40].createdAt), includeDemo: true, checkId: 'dinh-danh' },
    { unit: 'nowhere' },
    { checkId: 'nothing' },
  ];

  for (const f of filters) {
    it(`gives the same figures as filterJournal + buildReport for ${JSON.stringify(f)}`, () => {
      const old = reference(data, f);
      const now = engine.report(f, checks, catalog);
      const { demoSessions: _s, demoEvents: _e, ...figures } = now;
      expect(canon(figures)).toEqual(canon(old));
      if (!f.unit?.startsWith('now') && !f.checkId?.startsWith('not')) expect(now.sessions).toBeGreaterThan(0);
    });
  }

  it('counts the demo filings and ticks it includes', () => {
    const r = engine.report({ includeDemo: true }, checks, catalog);
    const d = filterJournal(data, { includeDemo: true });
    expect(r.demoEvents).toBe(d.events.filter((e) => e.demo).length);
    expect(r.demoSessions).toBe(d.sessions.filter((s) => s.demo).length);
    expect(r.demoEvents).toBeGreaterThan(0);
  });

  it('does not depend on the order or chunking of rows', () => {
    const other = engineOf({ sessions: [...data.sessions].reverse(), events: [...data.events].reverse() }, 97);
    expect(canon(other.report({}, checks, catalog))).toEqual(canon(engine.report({}, checks, catalog)));
    // Filings first: the columns grow while filings are read (a write into a replaced array lost cells once).
    const first = engineOf(data, 5_000, true);
    expect(canon(first.report({}, checks, catalog))).toEqual(canon(engine.report({}, checks, catalog)));
  });

  it('attack: 300,000 filings → buildReport and the engine both give a report (no spread over rows)', () => {
    const sessions: FilingSession[] = [];
    const events: TickEvent[] = [];
    for (let i = 0; i < 300_000; i++) {
      sessions.push({ id: `s${i}`, procedureKey: 'code:1.000001', procedureName: 'P', label: 'x', checkIds: ['so-hoa'], staff: 'A', unit: 'xa-001', createdAt: Date.UTC(2026, 9, 1) + i * 1000, demo: false, origin: 'local' });
      events.push({ id: `e${i}`, sessionId: `s${i}`, checkId: 'so-hoa', state: i % 2 ? 'done' : 'na', staff: 'A', unit: 'xa-001', at: Date.UTC(2026, 9, 1) + i * 1000 + 1, demo: false });
    }
    const old = buildReport(sessions, events, checks, catalog);
    expect(old.sessions).toBe(300_000);
    expect(old.period.from).toBe(Date.UTC(2026, 9, 1));
    const e = new ReportEngine();
    e.addSessions(sessions);
    e.addEvents(events);
    const r = e.report({}, checks, catalog);
    expect(r.byCheck[0]).toMatchObject({ key: 'so-hoa', done: 150_000, applicable: 150_000 });
    expect(r.period).toEqual(old.period);
  }, 60_000);
});
