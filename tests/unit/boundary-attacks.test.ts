import { describe, expect, it } from 'vitest';
import { attacksIn, END, parseAttackTitle, renderTable, replaceRegion, resultsFromReport, START } from '../../scripts/attacks-table';

/*
 * The README's attacks table comes from test titles `attack: <input> →
 * <expected>` and, when present, the test runners' JSON reports.
 */

const SOURCE = `
import { it, test } from 'vitest';
describe('x', () => {
  it('attack: a file with a | pipe → rejected, "database" unchanged', () => {});
  it.skip("attack: it's quoted → still found", () => {});
  test(\`attack: a template title -> the ASCII arrow works\`, async () => {});
  it('an ordinary test → not an attack', () => {});
  expect('attack: not a test → ignored').toBeTruthy();
});
`;

describe('attacks table', () => {
  it('finds every attack title in a source file, with its line, and nothing else', () => {
    const found = attacksIn(SOURCE, 'tests/unit/x.test.ts');
    expect(found.map((a) => [a.input, a.expected, a.line])).toEqual([
      ['a file with a | pipe', 'rejected, "database" unchanged', 4],
      ["it's quoted", 'still found', 5],
      ['a template title', 'the ASCII arrow works', 6],
    ]);
    expect(parseAttackTitle('attack: no arrow here')).toBeNull();
  });

  it('takes results from Vitest and Playwright JSON reports; rows without one say "tested"', () => {
    const attacks = attacksIn(SOURCE, 'tests/unit/x.test.ts');
    const vitest = { testResults: [{ name: '/repo/tests/unit/x.test.ts', assertionResults: [{ title: attacks[0].title, status: 'passed' }, { title: attacks[1].title, status: 'skipped' }] }] };
    const playwright = {
      config: { rootDir: '/repo/tests/e2e' },
      suites: [{ specs: [{ title: 'attack: a page → nothing', file: 'boundary.spec.ts', ok: false, tests: [{ status: 'unexpected' }] }] }],
    };
    const results = new Map([...resultsFromReport(vitest, '/repo'), ...resultsFromReport(playwright, '/repo')]);
    expect(results.get('tests/e2e/boundary.spec.ts|attack: a page → nothing')).toBe('failed');
    const table = renderTable(attacks, results);
    expect(table).toContain('| a file with a \\| pipe | rejected, "database" unchanged | `tests/unit/x.test.ts`:4 | passed |');
    expect(table).toContain("| it's quoted | still found | `tests/unit/x.test.ts`:5 | skipped |");
    expect(table).toContain('| a template title | the ASCII arrow works | `tests/unit/x.test.ts`:6 | tested |');
    expect(table.split('\n')[0]).toBe('3 attacks in the tests; 2 with a result in the reports, 1 passed.');
  });

  it('replaces only the region between the README markers, and refuses a README without them', () => {
    const readme = `# T\n\nbefore\n${START}\nold table\n${END}\nafter\n`;
    expect(replaceRegion(readme, 'NEW')).toBe(`# T\n\nbefore\n${START}\nNEW\n${END}\nafter\n`);
    expect(() => replaceRegion('# no markers', 'NEW')).toThrow(/markers/);
  });
});
