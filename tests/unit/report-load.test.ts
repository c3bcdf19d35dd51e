import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { buildExportFile } from '../../lib/exchange/format';
import { importExportFiles } from '../../lib/exchange/import';
import { checkRows } from '../../lib/export/valid';
import { filterJournal } from '../../lib/export/filter';
import { JournalDb } from '../../lib/journal/db';
import { readReportSource } from '../../lib/journal/report-source';
import { buildReport } from '../../lib/report/aggregate';
import { HANDOVER_TICKS, handoverAdvised, loadReportEngine } from '../../lib/report/load';
import { generateJournals, generatorChecks } from '../../lib/report/generate';
import { splitByFilings } from '../../lib/report/split';
import { catalog } from '../../lib/match/shipped';

// Files of thousands of rows (and DuckDB) on a shared 2-core machine: more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const checks = generatorChecks();
const infos = checks.map((c) => ({ id: c.id, label: c.label.vi, targets: c.targets }));
const NOW = Date.UTC(2026, 10, 20);

describe('report page reader', () => {
  it('reads own and imported rows page by page into the engine: the same figures as the whole-source report, malformed rows counted', async () => {
    const db = new JournalDb(`load-${Math.random()}`);
    const [own, ...theirs] = [...generateJournals({ ticks: 4_000, ticksPerFile: 1_000, units: 4, seed: 21 })];
    await db.sessions.bulkAdd(own.sessions);
    await db.events.bulkAdd(own.events);
    // A broken own filing (no check list) and a tick without a time: left out, counted.
    await db.sessions.add({ ...own.sessions[0], id: 'broken', checkIds: undefined as never });
    await db.events.add({ ...own.events[0], id: 'no-time', at: Number.NaN });
    for (const [i, j] of theirs.entries()) {
      const file = await buildExportFile({ sessions: j.sessions, events: j.events }, checks, { staff: j.staff, unit: j.unit }, {}, NOW);
      const [o] = await importExportFiles(db, [{ name: `f${i}.json`, text: JSON.stringify(file) }], NOW);
      expect(o.status).toBe('imported');
    }
    const progress: number[] = [];
    const { engine } = await loadReportEngine(db, { page: 250, onProgress: (n) => progress.push(n) });
    expect(engine.bad).toEqual({ sessions: 1, events: 1 });
    expect(progress.length).toBeGreaterThan(10);
    const source = checkRows(await readReportSource(db)).data;
    for (const f of [{}, { unit: 'xa-003' }]) {
      const d = filterJournal(source, f);
      const { demoSessions: _s, demoEvents: _e, ...figures } = engine.report(f, infos, catalog);
      const old = buildReport(d.sessions, d.events, infos, catalog);
      const sort = (r: typeof old) => ({ ...r, byProcedure: [...r.byProcedure].sort((a, b) => (a.key < b.key ? -1 : 1)) });
      expect(sort(figures)).toEqual(sort(old));
    }
    expect(engine.report({}, infos, catalog).events).toBe(4_000);
  });

  it('stops between pages when cancelled', async () => {
    const db = new JournalDb(`load-${Math.random()}`);
    const [j] = [...generateJournals({ ticks: 2_000, ticksPerFile: 2_000, seed: 3 })];
    await db.events.bulkAdd(j.events);
    const abort = new AbortController();
    const run = loadReportEngine(db, { page: 100, onProgress: (n) => n >= 300 && abort.abort(), signal: abort.signal });
    await expect(run).rejects.toThrow('cancelled');
  });

  it('cuts a journal for da06 report into files of whole filings, none over the limit', () => {
    const [j] = [...generateJournals({ ticks: 5_000, ticksPerFile: 5_000, seed: 9 })];
    const parts = splitByFilings(j.sessions, j.events, 1_000);
    expect(parts.length).toBeGreaterThan(4);
    let events = 0;
    for (const p of parts) {
      expect(p.events.length).toBeLessThanOrEqual(1_000);
      const ids = new Set(p.sessions.map((s) => s.id));
      expect(p.events.every((e) => ids.has(e.sessionId))).toBe(true);
      events += p.events.length;
    }
    expect(events).toBe(5_000);
    expect(parts.reduce((n, p) => n + p.sessions.length, 0)).toBe(j.sessions.length);
  });

  it('suggests da06 report from a million ticks on', () => {
    expect(HANDOVER_TICKS).toBe(1_000_000);
    expect(handoverAdvised(999_999)).toBe(false);
    expect(handoverAdvised(1_000_000)).toBe(true);
  });
});
