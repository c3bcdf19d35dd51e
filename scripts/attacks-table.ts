import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * The README's attacks table, generated from the tests. Every test titled
 * `attack: <input> → <expected>` (Vitest `it`/`test`, Playwright `test`, in
 * tests/unit, tests/e2e, tests/e2e-firefox — any file under tests/) is one
 * row: input, expected, the test file, and its result. Results come from test
 * reports when they are there (Vitest `--reporter=json`, Playwright
 * `--reporter=json`), else the row says "tested".
 *
 *   npm run -s attacks                                   # print the table
 *   npm run -s attacks -- --vitest a.json --playwright b.json
 *   npm run -s attacks -- --write README.md              # replace the region between the markers
 *
 * Default reports, used when present: test-results/vitest.json,
 * test-results/vitest-firefox.json, test-results/playwright.json.
 */

export const START = '<!-- attacks:start -->';
export const END = '<!-- attacks:end -->';
const TEST_CALLEES = new Set(['it', 'test']);
const MODIFIERS = new Set(['skip', 'only', 'fails', 'fixme', 'slow', 'concurrent', 'sequential', 'todo']);

export interface Attack {
  input: string;
  expected: string;
  /** Path from the repository root, with forward slashes. */
  file: string;
  line: number;
  /** The whole test title, as the reports name it. */
  title: string;
}

export type Result = 'passed' | 'failed' | 'skipped' | 'tested';

/** `it`, `test`, `it.skip`, `test.fails`… but not `describe` or `expect`. */
function isTestCall(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return TEST_CALLEES.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) return MODIFIERS.has(callee.name.text) && isTestCall(callee.expression);
  if (ts.isCallExpression(callee)) return isTestCall(callee.expression); // test.skip(cond)(…) and the like
  return false;
}

/** Split `attack: <input> → <expected>` (also `->`); null when the title is not one. */
export function parseAttackTitle(title: string): { input: string; expected: string } | null {
  const m = /^attack:\s*(.+?)\s*(?:→|->)\s*(.+)$/s.exec(title.trim());
  return m ? { input: m[1].trim(), expected: m[2].trim() } : null;
}

/** The attack tests of one source file. */
export function attacksIn(source: string, file: string): Attack[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Attack[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isTestCall(node.expression)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        const parsed = parseAttackTitle(first.text);
        if (parsed) out.push({ ...parsed, file, line: sf.getLineAndCharacterOfPosition(first.getStart()).line + 1, title: first.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (/\.(test|spec)\.tsx?$/.test(name)) out.push(path);
  }
  return out.sort();
}

export function collectAttacks(root: string): Attack[] {
  return testFiles(join(root, 'tests')).flatMap((path) => attacksIn(readFileSync(path, 'utf8'), relative(root, path).split(sep).join('/')));
}

const normalizeStatus = (s: string): Result | undefined =>
  s === 'passed' || s === 'expected'
    ? 'passed'
    : s === 'failed' || s === 'unexpected' || s === 'timedOut' || s === 'interrupted' || s === 'flaky'
      ? 'failed'
      : s === 'skipped' || s === 'pending' || s === 'todo' || s === 'disabled'
        ? 'skipped'
        : undefined;

/** `file|title` → result, from a Vitest or a Playwright JSON report. */
export function resultsFromReport(report: unknown, root: string): Map<string, Result> {
  const out = new Map<string, Result>();
  const rel = (p: string) => (p.startsWith('/') ? relative(root, p) : p).split(sep).join('/');
  const r = report as {
    testResults?: { name: string; assertionResults?: { title: string; status: string }[] }[];
    suites?: unknown[];
    config?: { rootDir?: string };
  };
  // Vitest (Jest-compatible JSON): one entry per file, its assertions by title.
  for (const file of r.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      const status = normalizeStatus(a.status);
      if (status) out.set(`${rel(file.name)}|${a.title}`, status);
    }
  }
  // Playwright: nested suites of specs; spec.file is relative to the config's testDir.
  const testDir = r.config?.rootDir ? relative(root, r.config.rootDir).split(sep).join('/') : 'tests/e2e';
  type Spec = { title: string; file: string; ok: boolean; tests?: { status?: string; results?: { status: string }[] }[] };
  type Suite = { suites?: Suite[]; specs?: Spec[] };
  const walk = (suite: Suite) => {
    for (const spec of suite.specs ?? []) {
      const statuses = (spec.tests ?? []).map((t) => normalizeStatus(t.status ?? t.results?.at(-1)?.status ?? ''));
      const status: Result = statuses.includes('failed') || !spec.ok ? 'failed' : statuses.length && statuses.every((s) => s === 'skipped') ? 'skipped' : 'passed';
      const file = spec.file.startsWith('tests/') ? spec.file : `${testDir}/${spec.file}`;
      out.set(`${file}|${spec.title}`, status);
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of (r.suites ?? []) as Suite[]) walk(s);
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const RESULT_WORDS: Record<Result, string> = { passed: 'passed', failed: '**FAILED**', skipped: 'skipped', tested: 'tested' };

export function renderTable(attacks: Attack[], results: Map<string, Result>): string {
  const rows = attacks.map((a) => {
    const result = results.get(`${a.file}|${a.title}`) ?? 'tested';
    return `| ${cell(a.input)} | ${cell(a.expected)} | \`${a.file}\`:${a.line} | ${RESULT_WORDS[result]} |`;
  });
  const counted = attacks.map((a) => results.get(`${a.file}|${a.title}`) ?? 'tested');
  const passed = counted.filter((r) => r === 'passed').length;
  const withResult = counted.filter((r) => r !== 'tested').length;
  const summary = withResult
    ? `${attacks.length} attacks in the tests; ${withResult} with a result in the reports, ${passed} passed.`
    : `${attacks.length} attacks in the tests (no test report read: run the tests with a JSON reporter for results).`;
  return [summary, '', '| Input (attack) | Expected | Test | Result |', '|---|---|---|---|', ...rows].join('\n');
}

/** README with the region between the markers replaced; throws when the markers are missing. */
export function replaceRegion(text: string, table: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`markers ${START} … ${END} not found`);
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

function main(argv: string[]): void {
  const root = resolve(fileURLToPath(import.meta.url), '..', '..');
  const values = (flag: string) => argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1]] : []));
  const reports = [...values('--vitest'), ...values('--playwright'), ...values('--report')];
  if (!reports.length) {
    for (const f of ['test-results/vitest.json', 'test-results/vitest-firefox.json', 'test-results/playwright.json']) if (existsSync(join(root, f))) reports.push(f);
  }
  const results = new Map<string, Result>();
  for (const file of reports) {
    for (const [k, v] of resultsFromReport(JSON.parse(readFileSync(resolve(root, file), 'utf8')), root)) results.set(k, v);
  }
  const table = renderTable(collectAttacks(root), results);
  const [target] = values('--write');
  if (target) {
    const path = resolve(root, target);
    writeFileSync(path, replaceRegion(readFileSync(path, 'utf8'), table));
    console.log(`attacks table written to ${target}`);
  } else {
    console.log(table);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
