import { describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../lib/report/aggregate';
import { ReportEngine } from '../../lib/report/engine';
import { generateJournals, generatorChecks, prng } from '../../lib/report/generate';
import { filterJournal } from '../../lib/export/filter';
import { catalog } from '../../lib/match/shipped';
import type { FilingSession, TickEvent } from '../../lib/journal/db';

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

  it('gives the same figures as buildReport on the whole journal, without and with demo', () => {
    for (const includeDemo of [false, true]) {
      const old = buildReport(...Object.values(filterJournal(data, { includeDemo })) as [FilingSession[], TickEvent[]], checks, catalog);
      const now = engine.report({ includeDemo }, checks, catalog);
      expect(now.sessions).toBeGreaterThan(100);
      expect(canon(now)).toEqual(canon(old));
    }
  });

  it('gives the same figures as buildReport for one unit and one procedure (filings and their ticks share them)', () => {
    const unit = 'xa-002';
    const procedureKey = data.sessions[3].procedureKey;
    for (const f of [{ unit }, { procedureKey }]) {
      const old = buildReport(...Object.values(filterJournal(data, f)) as [FilingSession[], TickEvent[]], checks, catalog);
      const now = engine.report(f, checks, catalog);
      expect(now.sessions).toBeGreaterThan(0);
      expect(canon(now)).toEqual(canon(old));
    }
  });

  it('selects filings by the day they were received, and one check by its cells', () => {
    const day = new Date(data.sessions[0].createdAt);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const r = engine.report({ from: iso, to: iso }, checks, catalog);
    const expected = data.sessions.filter((s) => !s.demo && s.id !== 'lonely' && new Date(s.createdAt).toDateString() === day.toDateString()).length;
    expect(r.sessions).toBe(expected);
    const one = engine.report({ checkId: 'so-hoa' }, checks, catalog);
    expect(one.byCheck.map((c) => c.key)).toEqual(['so-hoa']);
    const all = engine.report({}, checks, catalog);
    expect(one.byCheck[0]).toEqual(all.byCheck.find((c) => c.key === 'so-hoa'));
    expect(engine.report({ unit: 'nowhere' }, checks, catalog).sessions).toBe(0);
    expect(engine.report({ checkId: 'nothing' }, checks, catalog)).toMatchObject({ byCheck: [], events: 0 });
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
