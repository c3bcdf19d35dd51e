/**
 * Generate lib/catalog/generated/catalog.json from seeds/ (run before every
 * build, typecheck and test). Fails with the self-check's findings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCatalog } from '../lib/catalog/build';
import { selfCheck } from '../lib/catalog/check';
import { GENERATED_CATALOG, readCatalogInputs } from './catalog-io';

const started = performance.now();
const report = buildCatalog(readCatalogInputs());
const check = selfCheck(report);
if (!check.ok) {
  console.error('Catalog self-check failed:');
  for (const f of check.failures) console.error(`  - ${f}`);
  process.exit(1);
}
mkdirSync(dirname(GENERATED_CATALOG), { recursive: true });
const json = JSON.stringify(report.catalog);
writeFileSync(GENERATED_CATALOG, json);
const { tasks, models, targets, units } = report.catalog;
// stderr, so that commands chaining this script keep a clean stdout (e.g. bench --json).
console.error(
  `catalog: ${tasks.length} tasks, ${models.length} models, ${targets.length} targets, ${units.length} units, ` +
    `${Buffer.byteLength(json)} bytes in ${(performance.now() - started).toFixed(0)} ms`,
);
