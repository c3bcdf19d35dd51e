/**
 * Write generated, valid export files (as the panel writes them) into a folder.
 *   tsx scripts/report/generate.ts --ticks 1000000 --out /tmp/da06-1m [--per-file 20000] [--seed 1]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateExportFiles } from '../../lib/report/generate';

export async function writeGenerated(out: string, ticks: number, ticksPerFile = 20_000, seed = 1): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const names: string[] = [];
  for await (const { name, file } of generateExportFiles({ ticks, ticksPerFile, seed })) {
    writeFileSync(join(out, name), JSON.stringify(file));
    names.push(name);
  }
  return names;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv[1]?.endsWith('generate.ts')) {
  const ticks = Number(arg('--ticks') ?? 10_000);
  const out = arg('--out') ?? `/tmp/da06-gen-${ticks}`;
  const t0 = performance.now();
  const names = await writeGenerated(out, ticks, Number(arg('--per-file') ?? 20_000), Number(arg('--seed') ?? 1));
  console.log(`${names.length} files, ${ticks} ticks → ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
