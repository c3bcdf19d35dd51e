import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './catalog-io';
import { createDirectory, type Directory } from '../lib/directory/lookup';
import { isDirectoryData } from '../lib/directory/data';

export const DIRECTORY_FILE_NAME = 'national-procedures-2026-07.json';
/**
 * The copy of shared/data/national-procedures-2026-07.json kept in the repository (builds from a
 * clean clone), gzip-compressed byte for byte (2.3 MB → about 0.3 MB); data/README.md gives the
 * original's sha256, which the build checks after decompressing.
 */
export const DIRECTORY_SOURCE = join(ROOT, 'data', `${DIRECTORY_FILE_NAME}.gz`);
/** sha256 of the uncompressed original (the shared file). */
export const DIRECTORY_SOURCE_SHA256 = '5677470cc1ac30d41c83a4fef4205616105c4c9dc736d35bfaf6f4a699c3f7c0';
/** The shared original, when it sits beside the repository (CI) or at /work/shared. */
export const SHARED_DIRECTORY_CANDIDATES = [join(ROOT, '..', 'shared', 'data', DIRECTORY_FILE_NAME), join('/work', 'shared', 'data', DIRECTORY_FILE_NAME)];
/** The compact directory, where WXT copies it into the extension (public/) and where Node reads it. */
export const GENERATED_DIRECTORY = join(ROOT, 'public', 'data', 'directory.json');
/** What the build kept and left out, and why. */
export const GENERATED_DIRECTORY_REPORT = join(ROOT, 'lib', 'directory', 'generated', 'report.json');

/** The source the build reads: DA06_DIRECTORY_SOURCE when set, else the repository's copy. */
export function directorySourcePath(): string {
  const env = process.env.DA06_DIRECTORY_SOURCE;
  return env ? resolve(env) : DIRECTORY_SOURCE;
}

/** The bytes of a directory source file, decompressed when it is a `.gz`. */
export function readDirectorySource(path: string): Buffer {
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf) : buf;
}

/** The shared original next to the repository, if there is one. */
export function sharedDirectoryPath(): string | undefined {
  return SHARED_DIRECTORY_CANDIDATES.find((p) => existsSync(p));
}

let cached: Directory | undefined;
/** The generated directory (run `npm run catalog` first). */
export function readDirectory(file = GENERATED_DIRECTORY): Directory {
  if (file === GENERATED_DIRECTORY && cached) return cached;
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isDirectoryData(data)) throw new Error(`${file} is not a directory file; run npm run catalog`);
  const directory = createDirectory(data);
  if (file === GENERATED_DIRECTORY) cached = directory;
  return directory;
}
