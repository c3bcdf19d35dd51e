/**
 * Generate public/data/directory.json (the compact national directory the
 * extension fetches when it first matches) from data/national-procedures-2026-07.json.
 * Every record is validated; the ones left out are printed and written to
 * lib/directory/generated/report.json with their reasons.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDirectory } from '../lib/directory/build';
import { ROOT } from './catalog-io';
import {
  DIRECTORY_SOURCE_SHA256,
  directorySourcePath,
  GENERATED_DIRECTORY,
  GENERATED_DIRECTORY_REPORT,
  readDirectorySource,
  sharedDirectoryPath,
} from './directory-io';

const started = performance.now();
const sourcePath = directorySourcePath();
const buf = readDirectorySource(sourcePath);
const sha256 = createHash('sha256').update(buf).digest('hex');
if (!process.env.DA06_DIRECTORY_SOURCE && sha256 !== DIRECTORY_SOURCE_SHA256) {
  console.error(`directory: ${relative(ROOT, sourcePath)} does not decompress to the recorded snapshot (sha256 ${sha256}); update DIRECTORY_SOURCE_SHA256 in scripts/directory-io.ts with a new snapshot.`);
  process.exit(1);
}
const shared = sharedDirectoryPath();
if (shared && !process.env.DA06_DIRECTORY_SOURCE) {
  const sharedSha = createHash('sha256').update(readFileSync(shared)).digest('hex');
  if (sharedSha !== sha256) {
    console.error(`directory: WARNING ${shared} differs from the repository's copy ${relative(ROOT, sourcePath)}; copy it over to ship the new snapshot.`);
  }
}
const report = buildDirectory(JSON.parse(buf.toString('utf8')), { file: relative(ROOT, sourcePath).startsWith('..') ? sourcePath : relative(ROOT, sourcePath), sha256 });
const json = JSON.stringify(report.data);
mkdirSync(dirname(GENERATED_DIRECTORY), { recursive: true });
writeFileSync(GENERATED_DIRECTORY, json);
mkdirSync(dirname(GENERATED_DIRECTORY_REPORT), { recursive: true });
const raw = Buffer.byteLength(json);
const gzip = gzipSync(json).length;
writeFileSync(GENERATED_DIRECTORY_REPORT, JSON.stringify({ source: report.data.source, stats: report.stats, bytes: { raw, gzip }, rejected: report.rejected }, null, 1));
const s = report.stats;
// stderr, so that commands chaining this script keep a clean stdout.
console.error(
  `directory: ${s.kept} of ${s.records} procedures kept, ${s.rejected} left out; ${s.fields} fields, ${s.levels} levels, ${s.agencies} agencies; ` +
    `${raw} bytes (${gzip} gzip) in ${(performance.now() - started).toFixed(0)} ms`,
);
for (const r of report.rejected) console.error(`  left out #${r.index} ${JSON.stringify(r.code)} ${r.name.slice(0, 60)}: ${r.reasons.join('; ')}`);
