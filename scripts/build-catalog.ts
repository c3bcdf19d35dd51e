/**
 * Generate lib/catalog/generated/catalog.json from seeds/ (run before every
 * build, typecheck and test). Fails with the self-check's findings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCatalog } from '../lib/catalog/build';
import { selfCheck } from '../lib/catalog/check';
import { GENERATED_CATALOG, GENERATED_ITEM_TOPICS, GENERATED_MATCH_DATA, GENERATED_SHIPPED_CATALOG, PUBLIC_MATCHING_DATA, readCatalogInputs } from './catalog-io';
import { loadMatchData, tagCatalog } from '../lib/match';

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
// The extension never shows the raw cells; leaving them out makes the panel start faster.
const shipped = {
  ...report.catalog,
  tasks: report.catalog.tasks.map(({ raw: _raw, ...task }) => task),
  models: report.catalog.models.map(({ raw: _raw, ...model }) => model),
};
writeFileSync(GENERATED_SHIPPED_CATALOG, JSON.stringify(shipped));
const matchData = loadMatchData();
const itemTopics = tagCatalog(report.catalog);
writeFileSync(GENERATED_MATCH_DATA, JSON.stringify(matchData));
writeFileSync(GENERATED_ITEM_TOPICS, JSON.stringify(itemTopics));
// What the background fetches for the badge counts (services/background/match-summary.ts).
mkdirSync(dirname(PUBLIC_MATCHING_DATA), { recursive: true });
writeFileSync(PUBLIC_MATCHING_DATA, JSON.stringify({ catalog: shipped, data: matchData, itemTopics }));
const { tasks, models, targets, units } = report.catalog;
// stderr, so that commands chaining this script keep a clean stdout (e.g. bench --json).
console.error(
  `catalog: ${tasks.length} tasks, ${models.length} models, ${targets.length} targets, ${units.length} units, ` +
    `${Buffer.byteLength(json)} bytes in ${(performance.now() - started).toFixed(0)} ms`,
);
const derived = units.filter((u) => !u.reviewed).length;
console.error(
  `units: ${units.length - derived} reviewed, ${derived} derived (not in seeds/units.json)` +
    (report.unitFragments.length
      ? `; cell pieces not minted as units: ${report.unitFragments.map((f) => `${f.ref} «${f.text}» (${f.why})`).join(', ')}`
      : ''),
);
