/**
 * `npx tsx bench/panel.ts [--no-build] [--json]`: the side panel's figures only
 * (panelFirstRenderMs warm median / panelFirstRenderColdMs, persisted state,
 * heap; bench/browser.ts panelFigures), for before/after comparisons of the
 * panel's layout without the whole `npm run bench`. Prints, asserts nothing.
 */
import { execSync } from 'node:child_process';
import { panelFigures } from './browser';

async function main() {
  if (!process.argv.includes('--no-build')) execSync('npm run -s build:chrome', { stdio: 'pipe' });
  const figures = await panelFigures();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { value: f.value, unit: f.unit }]))));
    return;
  }
  for (const [name, f] of Object.entries(figures)) console.log(`${name.padEnd(26)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} ${f.note ?? ''}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
