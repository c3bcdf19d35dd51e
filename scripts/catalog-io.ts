import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogInputs } from '../lib/catalog/build';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const GENERATED_CATALOG = join(ROOT, 'lib', 'catalog', 'generated', 'catalog.json');
/** The catalog as the extension ships it: without the seeds' raw cells (kept in catalog.json for tools). */
export const GENERATED_SHIPPED_CATALOG = join(ROOT, 'lib', 'catalog', 'generated', 'catalog.shipped.json');
/** The lexicon and reference list as zod outputs them (defaults filled), for start-up without zod. */
export const GENERATED_MATCH_DATA = join(ROOT, 'lib', 'catalog', 'generated', 'match-data.json');
/** Topics of every catalog item under the reviewed lexicon, so the panel does not tag at start-up. */
export const GENERATED_ITEM_TOPICS = join(ROOT, 'lib', 'catalog', 'generated', 'item-topics.json');
/**
 * The same three as one file of the extension (not inlined into the service
 * worker): the background fetches it for the badge counts. Generated, not committed.
 */
export const PUBLIC_MATCHING_DATA = join(ROOT, 'public', 'data', 'matching.json');

/**
 * Read every plan's recipe (seeds/*.recipe.json), the seed each names, and the
 * reviewed data files from seeds/. Plans are listed in the order of their seed files.
 */
export function readCatalogInputs(seedsDir = SEEDS_DIR): CatalogInputs {
  const seedTexts: Record<string, string> = {};
  const seedHashes: Record<string, string> = {};
  const json = (name: string) => JSON.parse(readFileSync(join(seedsDir, name), 'utf8')) as unknown;
  const recipesJson = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.recipe.json'))
    .map((f) => json(f) as { document?: { file?: string } })
    .sort((a, b) => String(a.document?.file).localeCompare(String(b.document?.file)));
  for (const recipe of recipesJson) {
    const file = recipe.document?.file;
    if (typeof file !== 'string') continue; // the schema reports it
    const buf = readFileSync(join(seedsDir, file));
    seedTexts[file] = buf.toString('utf8');
    seedHashes[file] = createHash('sha256').update(buf).digest('hex');
  }
  return {
    recipesJson,
    seedTexts,
    seedHashes,
    defectsJson: json('defects.json'),
    unitsJson: json('units.json'),
    ocrJson: json('ocr-display.json'),
  };
}
