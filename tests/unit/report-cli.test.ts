import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildExportFile, parseExportFile } from '../../lib/exchange/format';
import { STRINGS } from '../../lib/i18n';
import { catalog } from '../../lib/match/shipped';
import { ReportEngine } from '../../lib/report/engine';
import { generateJournals, generatorChecks } from '../../lib/report/generate';
import { outcomeLines } from '../../lib/report/outcome-text';
import { runReport } from '../../scripts/report/run';

// Files of thousands of rows (and DuckDB) on a shared 2-core machine: more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const t = STRINGS.vi;
const dir = mkdtempSync(join(tmpdir(), 'da06-cli-'));
const folder = join(dir, 'in');
const out = join(dir, 'out');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const checks = generatorChecks();
const by = { staff: 'Cán bộ', unit: 'xa-001' };

describe('da06 report', async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  const journals = [...generateJournals({ ticks: 6_000, ticksPerFile: 2_000, units: 3, seed: 11 })];
  const engine = new ReportEngine();
  for (const [i, j] of journals.entries()) {
    const file = await buildExportFile({ sessions: j.sessions, events: j.events }, checks, by, {}, Date.UTC(2026, 10, 1));
    writeFileSync(join(folder, `a${i}.json`), JSON.stringify(file));
    engine.addSessions(j.sessions);
    engine.addEvents(j.events);
  }
  // The same file under another name; an overlapping export (half of file 0's filings and ticks again).
  copyFileSync(join(folder, 'a0.json'), join(folder, 'b-copy.json'));
  const j0 = journals[0];
  const half = j0.sessions.slice(0, Math.floor(j0.sessions.length / 2));
  const ids = new Set(half.map((s) => s.id));
  const overlap = await buildExportFile({ sessions: half, events: j0.events.filter((e) => ids.has(e.sessionId)) }, checks, by, { to: '2026-10-31' }, Date.UTC(2026, 10, 2));
  writeFileSync(join(folder, 'c-overlap.json'), JSON.stringify(overlap));
  // Bad files: cut short, not ours, edited after export.
  const good = readFileSync(join(folder, 'a1.json'), 'utf8');
  const bad: Record<string, string> = {
    'd-cut.json': good.slice(0, 5_000),
    'e-other.json': JSON.stringify({ hello: 'world' }),
    'f-edited.json': good.replace('"state":"na"', '"state":"done"'),
    'g-sheet.csv.json': 'Phiên / hồ sơ,Thủ tục\n1,2\n',
  };
  for (const [name, text] of Object.entries(bad)) writeFileSync(join(folder, name), text);
  // A file that says something else about a stored tick (same id, another state): a conflict, left out.
  const j1 = journals[1];
  const changed = { ...j1.events[0], state: j1.events[0].state === 'done' ? ('na' as const) : ('done' as const) };
  const conflicting = await buildExportFile({ sessions: j1.sessions.slice(0, 3), events: [changed] }, checks, by, {}, Date.UTC(2026, 10, 3));
  writeFileSync(join(folder, 'h-conflict.json'), JSON.stringify(conflicting));

  const first = await runReport({ folder, out, threads: 2 });

  it('rejects bad files with the report page\'s own messages, and imports good ones once', async () => {
    const expected: string[] = [];
    for (const [name, text] of Object.entries(bad)) {
      const parsed = await parseExportFile(text, Date.now(), name);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expected.push(...outcomeLines(t, { name, status: 'rejected', problem: parsed.problem }));
    }
    for (const m of expected) expect(first.messages).toContain(m);
    expect(first.messages).toContain(format('import_already', 'b-copy.json'));
    expect(first.messages).toContain(`a0.json: đã nhập 2000 lượt đánh dấu mới và ${journals[0].sessions.length} hồ sơ mới.`);
    const page = { name: 'c-overlap.json', status: 'imported' as const, added: 0, sessions: 0, duplicates: overlap.events.length, sessionsMerged: 0, sessionsKnown: half.length, checksAdded: 0, conflicts: [], orphans: [], unknownChecks: [] };
    for (const line of outcomeLines(t, page)) expect(first.messages).toContain(line);
    expect(first.messages).toContain(t.import_conflict.replace('{name}', 'h-conflict.json').replace('{count}', '1'));
    expect(first.messages.some((m) => m.includes('events[0]') && m.includes('state'))).toBe(true);
    expect(first.ledger.files.map((f) => f.name)).toEqual(['a0.json', 'a1.json', 'a2.json', 'c-overlap.json']);
  });

  it('gives the same figures as the page\'s engine', () => {
    const { demoSessions: _s, demoEvents: _e, ...page } = engine.report({}, checks.map((c) => ({ id: c.id, label: c.label.vi, targets: c.targets })), catalog);
    const sort = (r: typeof page) => ({ ...r, byProcedure: [...r.byProcedure].sort((a, b) => (a.key < b.key ? -1 : 1)) });
    expect(sort(first.report)).toEqual(sort(page));
    expect(first.report.sessions).toBeGreaterThan(500);
  });

  it('writes a printable HTML report holding the figures', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const r = first.report;
    expect(html).toContain(`<dd id="total-events">${r.events.toLocaleString('vi-VN')}</dd>`);
    const row = r.byCheck[0];
    expect(html).toContain(`<tr data-key="${row.key}"><th scope="row">${row.label}</th><td>${row.done.toLocaleString('vi-VN')}</td><td>${row.applicable.toLocaleString('vi-VN')}</td>`);
    expect(html).toContain('@media print');
  });

  it('writes Parquet by month and unit that DuckDB reads back to the same figures', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const p = join(out, 'parquet').replace(/'/g, "''");
    const ticks = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT unit)::INTEGER AS units, min(month) AS m FROM read_parquet('${p}/ticks/**/*.parquet', hive_partitioning = true)`)).getRowObjectsJS();
    expect(ticks[0]).toEqual({ n: 6_000, units: 3, m: '2026-10' });
    const byCheck = (await c.runAndReadAll(
      `SELECT check_id AS key, count(*) FILTER (WHERE state = 'done')::INTEGER AS done, count(*)::INTEGER AS applicable
       FROM read_parquet('${p}/status/**/*.parquet', hive_partitioning = true) WHERE state <> 'na' GROUP BY 1 ORDER BY 1`,
    )).getRowObjectsJS();
    const expected = first.report.byCheck.map((r) => ({ key: r.key, done: r.done, applicable: r.applicable })).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(byCheck).toEqual(expected);
    c.closeSync();
    db.closeSync();
  });

  it('reads a file it has seen before only once, across runs', async () => {
    const again = await runReport({ folder, out, threads: 1 });
    expect(again.outcomes.filter((o) => o.status === 'already-imported').map((o) => o.name)).toEqual(['a0.json', 'a1.json', 'a2.json', 'b-copy.json', 'c-overlap.json']);
    // The conflicting file is still waiting for a choice; with "keep" it goes in, keeping what is stored.
    expect(again.outcomes.find((o) => o.name === 'h-conflict.json')?.status).toBe('conflict');
    expect(again.report).toEqual(first.report);
  });
});

function format(key: 'import_already', name: string): string {
  return t[key].replace('{name}', name);
}
