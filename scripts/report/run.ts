/**
 * `da06 report <folder> [--out dir]`: the supervisor's report at province
 * scale, through DuckDB (@duckdb/node-api).
 *
 *  1. Every *.json in the folder is read and checked on worker threads with
 *     the report page's rules (stage-worker.ts → lib/exchange). A file whose
 *     bytes or checksum the output folder's ledger already holds is not read
 *     again; a bad file is rejected with the page's message and adds nothing.
 *  2. Good files' rows are appended to a DuckDB store in the output folder
 *     (.da06/store.duckdb), so the next run only reads new files.
 *  3. Ticks merge by id and filings by id, the first file (in name order,
 *     earlier runs first) winning, as the page's import does.
 *  4. Out: report.html (printable), report.json, and Parquet, hive-partitioned
 *     by the filing's month and unit (parquet/<table>/month=YYYY-MM/unit=<unit>/).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportCheck } from '../../lib/exchange/format';
import { STRINGS, type Locale } from '../../lib/i18n';
import { catalog } from '../../lib/match/shipped';
import type { CheckInfo, Report } from '../../lib/report/aggregate';
import { reportFromTotals, type Cell } from '../../lib/report/engine';
import { reportHtml } from '../../lib/report/html';
import { conflictLine, outcomeLines, type FileOutcome } from '../../lib/report/outcome-text';
import type { Conflict } from '../../lib/exchange/import';
import { checklistLibrary } from '../../lib/checklist';
import type { StageReply, StageRequest } from './stage-worker';

export interface LedgerEntry {
  checksum: string;
  rawSha256: string;
  name: string;
  importedAt: string;
  seq: number;
  events: number;
  added: number;
  duplicates: number;
}
export interface Ledger {
  format: 'da06-report-ledger';
  version: 1;
  files: LedgerEntry[];
  checks: ExportCheck[];
}

export interface RunOptions {
  folder: string;
  out: string;
  locale?: Locale;
  threads?: number;
  includeDemo?: boolean;
  /**
   * A tick id already stored (or earlier in the file) with different content:
   * "ask" (default) leaves the file out and lists the conflicts, as the page
   * does before the user chooses; "keep" imports it keeping what is stored.
   */
  onConflict?: 'ask' | 'keep';
  /** The time plausibility rules' "now" (ms; default: the clock). */
  now?: number;
  /** Printed as they come (default: nothing). */
  log?: (line: string) => void;
}

export interface RunResult {
  outcomes: FileOutcome[];
  messages: string[];
  report: Report;
  ledger: Ledger;
  timings: Record<string, number>;
}

function readLedger(path: string): Ledger {
  if (!existsSync(path)) return { format: 'da06-report-ledger', version: 1, files: [], checks: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as Ledger;
}

/** Validate and stage files on a small pool of worker threads. */
async function stageAll(requests: StageRequest[], threads: number): Promise<StageReply[]> {
  const replies: StageReply[] = new Array(requests.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((done, fail) => {
      const feed = () => {
        if (next >= requests.length) {
          void worker.terminate().then(() => done());
          return;
        }
        const i = next++;
        worker.once('message', (reply: StageReply) => {
          replies[i] = reply;
          feed();
        });
        worker.postMessage(requests[i]);
      };
      worker.once('error', fail);
      feed();
    });
  const n = Math.max(1, Math.min(threads, requests.length));
  // The worker is TypeScript: it registers tsx's loader, then imports the module.
  const script = new URL('./stage-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  const workers = Array.from({ length: n }, () => new Worker(boot, { eval: true }));
  await Promise.all(workers.map(run));
  return replies;
}

/** Vietnam's offset (UTC+7, no daylight saving time): the report's days, weeks and months are local (lib/text/format DEFAULT_ZONE). */
const VN_OFFSET_MS = 7 * 3_600_000;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlList = (paths: string[]) => `[${paths.map(sqlString).join(', ')}]`;

async function rows<T>(c: DuckDBConnection, sql: string): Promise<T[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

const TICK_COLS = `{'seq': 'INTEGER', 'pos': 'INTEGER', 'id': 'VARCHAR', 'session_id': 'VARCHAR', 'source_session_id': 'VARCHAR', 'check_id': 'VARCHAR', 'state': 'VARCHAR', 'note': 'VARCHAR', 'staff': 'VARCHAR', 'unit': 'VARCHAR', 'at_ms': 'BIGINT', 'demo': 'BOOLEAN'}`;
const FILING_COLS = `{'seq': 'INTEGER', 'pos': 'INTEGER', 'id': 'VARCHAR', 'source_id': 'VARCHAR', 'procedure_key': 'VARCHAR', 'procedure_code': 'VARCHAR', 'procedure_name': 'VARCHAR', 'staff': 'VARCHAR', 'unit': 'VARCHAR', 'created_ms': 'BIGINT', 'demo': 'BOOLEAN'}`;
const SHOWN_COLS = `{'seq': 'INTEGER', 'session_id': 'VARCHAR', 'check_id': 'VARCHAR', 'ord': 'INTEGER'}`;

export async function runReport(opts: RunOptions): Promise<RunResult> {
  const locale = opts.locale ?? 'vi';
  const t = STRINGS[locale];
  const log = opts.log ?? (() => {});
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    clock = now;
  };
  const out = resolve(opts.out);
  const state = join(out, '.da06');
  const staging = join(state, 'staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const ledgerPath = join(out, 'ledger.json');
  const ledger = readLedger(ledgerPath);

  // 1. Read and check the files (name order), skipping those seen before.
  const names = readdirSync(opts.folder).filter((n) => n.toLowerCase().endsWith('.json') && statSync(join(opts.folder, n)).isFile()).sort();
  const base = ledger.files.reduce((m, f) => Math.max(m, f.seq), 0) + 1;
  const known = ledger.files.map((f) => f.rawSha256);
  const now = opts.now ?? Date.now();
  const requests = names.map((n, i) => ({ path: join(opts.folder, n), seq: base + i, staging, known, now }));
  const replies = await stageAll(requests, opts.threads ?? Math.min(2, availableParallelism()));
  lap('validate');

  const seen = new Set(ledger.files.map((f) => f.checksum));
  const outcomes: (FileOutcome | undefined)[] = new Array(names.length);
  const fresh: { i: number; entry: LedgerEntry }[] = [];
  replies.forEach((r, i) => {
    const name = names[i];
    if (r.status === 'known') outcomes[i] = { name, status: 'already-imported' };
    else if (r.status === 'unreadable') outcomes[i] = { name, status: 'failed', error: { message: r.message } };
    else if (r.status === 'rejected') outcomes[i] = { name, status: 'rejected', problem: r.problem };
    else if (seen.has(r.checksum)) outcomes[i] = { name, status: 'already-imported' };
    else {
      seen.add(r.checksum);
      for (const c of r.checks) if (!ledger.checks.some((k) => k.id === c.id)) ledger.checks.push(c);
      fresh.push({ i, entry: { checksum: r.checksum, rawSha256: r.rawHash, name, importedAt: new Date().toISOString(), seq: r.seq, events: r.events, added: 0, duplicates: 0 } });
    }
  });

  // 2. Append the new rows to the store.
  const instance = await DuckDBInstance.create(join(state, 'store.duckdb'), { threads: String(opts.threads ?? Math.min(2, availableParallelism())) });
  const c = await instance.connect();
  try {
    await c.run(`CREATE TABLE IF NOT EXISTS ticks (seq INTEGER, pos INTEGER, id VARCHAR, session_id VARCHAR, source_session_id VARCHAR, check_id VARCHAR, state VARCHAR, note VARCHAR, staff VARCHAR, unit VARCHAR, at_ms BIGINT, demo BOOLEAN)`);
    await c.run(`CREATE TABLE IF NOT EXISTS filings (seq INTEGER, pos INTEGER, id VARCHAR, source_id VARCHAR, procedure_key VARCHAR, procedure_code VARCHAR, procedure_name VARCHAR, staff VARCHAR, unit VARCHAR, created_ms BIGINT, demo BOOLEAN)`);
    await c.run(`CREATE TABLE IF NOT EXISTS shown (seq INTEGER, session_id VARCHAR, check_id VARCHAR, ord INTEGER)`);
    const staged = (kind: string) => fresh.map((f) => join(staging, `${f.entry.seq}-${kind}.csv`)).filter((p) => existsSync(p));
    const load = async (table: string, kind: string, cols: string) => {
      const files = staged(kind);
      if (files.length) await c.run(`INSERT INTO ${table} SELECT * FROM read_csv(${sqlList(files)}, header = false, quote = '"', escape = '"', columns = ${cols})`);
    };
    await load('ticks', 'ticks', TICK_COLS);
    await load('filings', 'filings', FILING_COLS);
    await load('shown', 'shown', SHOWN_COLS);
    lap('load');

    // Conflicts: a tick id stored before (or earlier in the file) with different content.
    const bySeqConflicts = new Map<number, Conflict[]>();
    if (fresh.length) {
      const diffs = await rows<Record<string, unknown>>(
        c,
        `SELECT n.seq, n.pos, n.id, n.seq = o.seq AS same_file,
                n.source_session_id IS DISTINCT FROM o.source_session_id AS "sessionId", n.check_id IS DISTINCT FROM o.check_id AS "checkId",
                n.state IS DISTINCT FROM o.state AS "state", n.note IS DISTINCT FROM o.note AS "note", n.staff IS DISTINCT FROM o.staff AS "staff",
                n.unit IS DISTINCT FROM o.unit AS "unit", n.at_ms IS DISTINCT FROM o.at_ms AS "at", n.demo IS DISTINCT FROM o.demo AS "demo"
         FROM ticks n JOIN (SELECT * FROM ticks QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq, pos) = 1) o ON o.id = n.id
         WHERE n.seq >= ${base} AND (n.seq <> o.seq OR n.pos <> o.pos)
           AND (n.source_session_id, n.check_id, n.state, n.note, n.staff, n.unit, n.at_ms, n.demo) IS DISTINCT FROM (o.source_session_id, o.check_id, o.state, o.note, o.staff, o.unit, o.at_ms, o.demo)
         ORDER BY n.seq, n.pos LIMIT 100000`,
      );
      for (const d of diffs) {
        const seq = Number(d.seq);
        const fields = ['sessionId', 'checkId', 'state', 'note', 'staff', 'unit', 'at', 'demo'].filter((f) => d[f] === true);
        const list = bySeqConflicts.get(seq) ?? [];
        list.push({ kind: 'event', id: String(d.id), position: `events[${Number(d.pos)}]`, against: d.same_file ? 'file' : 'imported', fields });
        bySeqConflicts.set(seq, list);
      }
      if (opts.onConflict !== 'keep') {
        for (const seq of bySeqConflicts.keys()) for (const table of ['ticks', 'filings', 'shown']) await c.run(`DELETE FROM ${table} WHERE seq = ${seq}`);
      }
    }

    // Per new file: ticks added / identical duplicates, filings new / known / grown by the union of check lists.
    if (fresh.length) {
      const counts = await rows<{ seq: number; added: number; duplicates: number }>(
        c,
        `SELECT seq, count(*) FILTER (WHERE rn = 1)::INTEGER AS added, count(*) FILTER (WHERE rn > 1)::INTEGER AS duplicates
         FROM (SELECT seq, row_number() OVER (PARTITION BY id ORDER BY seq, pos) AS rn FROM ticks)
         WHERE seq >= ${base} GROUP BY seq`,
      );
      const filingCounts = await rows<{ seq: number; fresh: number; old: number }>(
        c,
        `WITH firsts AS (SELECT id, min(seq) AS first FROM filings GROUP BY id)
         SELECT f.seq, count(DISTINCT f.id) FILTER (WHERE fi.first = f.seq)::INTEGER AS fresh, count(DISTINCT f.id) FILTER (WHERE fi.first < f.seq)::INTEGER AS old
         FROM filings f JOIN firsts fi ON fi.id = f.id WHERE f.seq >= ${base} GROUP BY f.seq`,
      );
      const grown = await rows<{ seq: number; n: number }>(
        c,
        `WITH firsts AS (SELECT id, min(seq) AS first FROM filings GROUP BY id)
         SELECT sh.seq, count(DISTINCT sh.session_id)::INTEGER AS n FROM shown sh JOIN firsts fi ON fi.id = sh.session_id
         WHERE sh.seq >= ${base} AND fi.first < sh.seq
           AND NOT EXISTS (SELECT 1 FROM shown e WHERE e.session_id = sh.session_id AND e.check_id = sh.check_id AND e.seq < sh.seq)
         GROUP BY sh.seq`,
      );
      const bySeq = new Map(counts.map((r) => [Number(r.seq), r]));
      const filingsBySeq = new Map(filingCounts.map((r) => [Number(r.seq), r]));
      const grownBySeq = new Map(grown.map((r) => [Number(r.seq), Number(r.n)]));
      for (const { i, entry } of fresh) {
        const conflicts = bySeqConflicts.get(entry.seq) ?? [];
        if (conflicts.length && opts.onConflict !== 'keep') {
          outcomes[i] = { name: entry.name, status: 'conflict', conflicts };
          continue;
        }
        const n = bySeq.get(entry.seq);
        const f = filingsBySeq.get(entry.seq);
        const merged = grownBySeq.get(entry.seq) ?? 0;
        entry.added = Number(n?.added ?? 0);
        entry.duplicates = Number(n?.duplicates ?? 0) - conflicts.length;
        ledger.files.push(entry);
        outcomes[i] = {
          name: entry.name, status: 'imported', added: entry.added, duplicates: entry.duplicates,
          sessions: Number(f?.fresh ?? 0), sessionsMerged: merged, sessionsKnown: Number(f?.old ?? 0) - merged, checksAdded: 0,
          conflicts, ...(conflicts.length ? { choice: 'keep' as const } : {}), orphans: [], unknownChecks: [],
        };
      }
    }
    lap('dedupe');

    // 3. One row per tick, per filing, and per (filing, check shown) with its current state.
    // The page's rules (filterJournal + buildReport, no filter): every filing (demo ones only when asked), counted
    // even before its first tick; its ticks (demo only when asked); days, weeks and months in Vietnam's time (UTC+7, no DST).
    const demo = opts.includeDemo ? 'TRUE' : 'NOT demo';
    const local = (ms: string) => `make_timestamp((${ms} + ${VN_OFFSET_MS}) * 1000)`;
    await c.run(`CREATE OR REPLACE TEMP TABLE t AS SELECT * FROM ticks QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq, pos) = 1`);
    await c.run(`CREATE OR REPLACE TEMP TABLE f AS SELECT *, strftime(${local('created_ms')}, '%Y-%m') AS month, strftime(${local('created_ms')}, '%G-W%V') AS week
                 FROM filings QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq, pos) = 1`);
    await c.run(`CREATE OR REPLACE TEMP TABLE cf AS SELECT * FROM f WHERE ${demo}`);
    await c.run(`CREATE OR REPLACE TEMP TABLE ct AS SELECT t.* FROM t JOIN cf ON cf.id = t.session_id WHERE ${demo.replace('demo', 't.demo')}`);
    await c.run(`CREATE OR REPLACE TEMP TABLE latest AS SELECT session_id, check_id, max_by(state, (at_ms, id)) AS state FROM ct GROUP BY session_id, check_id`);
    await c.run(`CREATE OR REPLACE TEMP TABLE status AS
      SELECT f.id AS filing_key, sh.check_id, sh.ord, f.procedure_key, f.procedure_name, coalesce(nullif(f.unit, ''), '—') AS unit, f.staff, f.week, f.month, f.created_ms,
             CASE l.state WHEN 'done' THEN 'done' WHEN 'na' THEN 'na' ELSE 'open' END AS state
      FROM cf f
             JOIN (SELECT session_id, check_id, min(seq * 1000 + ord) AS ord FROM shown GROUP BY ALL) sh ON sh.session_id = f.id
             LEFT JOIN latest l ON l.session_id = f.id AND l.check_id = sh.check_id`);
    lap('derive');

    // 4. The report's figures.
    const [tot] = await rows<{ sessions: number; from: number | null; to: number | null }>(
      c,
      `SELECT count(*)::INTEGER AS sessions, min(created_ms)::DOUBLE AS "from", max(created_ms)::DOUBLE AS "to" FROM cf`,
    );
    const [ev] = await rows<{ events: number }>(c, `SELECT count(*)::INTEGER AS events FROM ct`);
    const people = await rows<{ staff: string; unit: string }>(c, `SELECT DISTINCT staff, unit FROM cf`);
    const group = async (key: string) => {
      const m = new Map<string, Cell>();
      for (const r of await rows<{ k: string; done: number; applicable: number }>(
        c,
        `SELECT ${key} AS k, count(*) FILTER (WHERE state = 'done')::INTEGER AS done, count(*)::INTEGER AS applicable FROM status WHERE state <> 'na' GROUP BY ${key} ORDER BY min(created_ms)`,
      ))
        m.set(r.k, { done: Number(r.done), applicable: Number(r.applicable) });
      return m;
    };
    const procedureNames = new Map((await rows<{ k: string; n: string }>(c, `SELECT procedure_key AS k, any_value(procedure_name) AS n FROM f GROUP BY 1`)).map((r) => [r.k, r.n]));
    const library = checklistLibrary().checks.map((k) => ({ id: k.id, label: k.label[locale], targets: k.targets }));
    const checks: CheckInfo[] = [...library, ...ledger.checks.filter((k) => !library.some((l) => l.id === k.id)).map((k) => ({ id: k.id, label: k.label[locale], targets: k.targets }))];
    const report = reportFromTotals(
      {
        sessions: Number(tot.sessions),
        events: Number(ev.events),
        staff: people.map((p) => p.staff),
        units: people.map((p) => p.unit),
        period: tot.sessions ? { from: Number(tot.from), to: Number(tot.to) } : {},
        byCheck: await group('check_id'),
        byProcedure: await group('procedure_key'),
        byUnit: await group('unit'),
        byWeek: await group('week'),
        procedureNames,
      },
      checks,
      catalog,
    );
    lap('aggregate');

    // 5. Parquet, partitioned by the filing's month and unit (a filing's ticks stay in one partition).
    const pq = join(out, 'parquet');
    rmSync(pq, { recursive: true, force: true });
    mkdirSync(pq, { recursive: true });
    const copy = (sql: string, dir: string) =>
      c.run(`COPY (${sql}) TO ${sqlString(join(pq, dir))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month, unit), OVERWRITE_OR_IGNORE true)`);
    await copy(
      `SELECT t.id, t.session_id AS filing_key, t.source_session_id AS filing_id, t.check_id, t.state, make_timestamp(t.at_ms * 1000) AS "at", t.staff, t.unit AS tick_unit, t.demo,
              f.procedure_key, coalesce(f.month, strftime(${local('t.at_ms')}, '%Y-%m')) AS month, coalesce(nullif(f.unit, ''), nullif(t.unit, ''), '—') AS unit
       FROM t LEFT JOIN f ON f.id = t.session_id`,
      'ticks',
    );
    await copy(
      `SELECT f.id AS key, f.source_id AS id, f.procedure_key, f.procedure_code, f.procedure_name, f.staff, make_timestamp(f.created_ms * 1000) AS created_at, f.week, f.demo,
              (SELECT list(DISTINCT check_id) FROM shown sh WHERE sh.session_id = f.id) AS check_ids, f.month, coalesce(nullif(f.unit, ''), '—') AS unit
       FROM f`,
      'filings',
    );
    await copy(`SELECT filing_key, check_id, procedure_key, staff, week, state, month, unit FROM status`, 'status');
    await c.run(`CREATE OR REPLACE TEMP TABLE checks_out (id VARCHAR, label_vi VARCHAR, label_en VARCHAR, targets VARCHAR[], target_pct DOUBLE)`);
    for (const k of checks) {
      const full = ledger.checks.find((x) => x.id === k.id) ?? checklistLibrary().checks.find((x) => x.id === k.id);
      const tgt = report.byCheck.find((r) => r.key === k.id)?.target;
      await c.run(
        `INSERT INTO checks_out VALUES (${sqlString(k.id)}, ${sqlString(full?.label.vi ?? k.label)}, ${sqlString(full?.label.en ?? k.label)}, [${k.targets.map(sqlString).join(', ')}]::VARCHAR[], ${tgt ? tgt.value : 'NULL'})`,
      );
    }
    await c.run(`COPY checks_out TO ${sqlString(join(pq, 'checks.parquet'))} (FORMAT parquet)`);
    lap('parquet');

    // 6. The printable report, its figures as JSON, the ledger.
    const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;
    writeFileSync(join(out, 'report.html'), reportHtml(report, locale, { unitName, files: ledger.files.length }));
    writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 1));
    writeFileSync(ledgerPath, JSON.stringify(ledger, null, 1));
    rmSync(staging, { recursive: true, force: true });
    lap('write');

    const done = outcomes.filter((o): o is FileOutcome => o !== undefined);
    const messages = done.flatMap((o) => [...outcomeLines(t, o), ...(o.status === 'conflict' || o.status === 'imported' ? o.conflicts.slice(0, 20).map((k) => `  ${conflictLine(t, k)}`) : [])]);
    for (const m of messages) log(m);
    return { outcomes: done, messages, report, ledger, timings };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** Command line: da06 report <folder> [--out dir] [--lang vi|en] [--threads N] [--include-demo]. */
export async function reportCommand(args: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const folder = args.find((a, i) => !a.startsWith('--') && !['--out', '--lang', '--threads', '--on-conflict'].includes(args[i - 1]));
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error('usage: da06 report <folder of export files> [--out dir] [--lang vi|en] [--threads N] [--include-demo] [--on-conflict ask|keep]');
    return 2;
  }
  const lang = flag('--lang') === 'en' ? 'en' : 'vi';
  const out = flag('--out') ?? join(folder, 'da06-report');
  const started = performance.now();
  const result = await runReport({
    folder, out, locale: lang, includeDemo: args.includes('--include-demo'), onConflict: flag('--on-conflict') === 'keep' ? 'keep' : 'ask',
    threads: flag('--threads') ? Number(flag('--threads')) : undefined,
    log: (line) => console.log(line),
  });
  const r = result.report;
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    lang === 'vi'
      ? `${r.sessions} hồ sơ, ${r.events} lượt đánh dấu → ${join(out, 'report.html')} và ${join(out, 'parquet')}/ (${secs} s)`
      : `${r.sessions} filings, ${r.events} ticks → ${join(out, 'report.html')} and ${join(out, 'parquet')}/ (${secs} s)`,
  );
  return result.outcomes.some((o) => o.status === 'rejected' || o.status === 'failed' || o.status === 'conflict') ? 1 : 0;
}
