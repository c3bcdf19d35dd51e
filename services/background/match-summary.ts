import { browser } from 'wxt/browser';
import type { Catalog } from '@/lib/catalog/schema';
import { bandMatcherFromData, summarizePage, type ItemTopics, type MatchData, type MatchSummary } from '@/lib/match/bands';
import type { Matcher } from '@/lib/match/matcher';
import type { RecognizedPage } from '@/lib/recognize/page';
import { assetDirectoryLoader } from '@/lib/directory/load';
import { knownNameFrom } from '@/lib/match/known-name';
import type { Directory } from '@/lib/directory/lookup';

/*
 * Band counts for the badges, with the panel's own matcher logic but without
 * its full-text index. The match data (catalog, lexicon, reference list, item
 * topics — about 0.4 MB) is not inlined into the service worker: it is a file
 * of the extension (public/data/matching.json, written by
 * scripts/build-catalog.ts), fetched on the first procedure after each start.
 */

export const MATCHING_DATA_FILE = 'data/matching.json';

export interface MatchingData {
  catalog: Catalog;
  data: MatchData;
  itemTopics: ItemTopics;
}

export async function fetchMatchingData(): Promise<MatchingData> {
  const response = await fetch(browser.runtime.getURL('/') + MATCHING_DATA_FILE);
  if (!response.ok) throw new Error(`[da06] ${MATCHING_DATA_FILE}: HTTP ${response.status}`);
  return (await response.json()) as MatchingData;
}

/** The national directory (public/data/directory.json), fetched on the first procedure after each start. */
const fetchDirectory = assetDirectoryLoader((path) => browser.runtime.getURL(path as never));

export interface Matching {
  summarize(page: RecognizedPage): Promise<MatchSummary | null>;
  /** The known procedure a page title names (its official name), or undefined; see lib/match/known-name.ts. */
  knownName(title: string, hints: { code?: string; field?: string; level?: string }): Promise<string | undefined>;
}

/** Band counts and known names, over one matcher and one directory (each loaded on first need). */
export function createMatching(
  load: () => Promise<MatchingData> = fetchMatchingData,
  loadDirectory: () => Promise<Directory> = fetchDirectory,
): Matching {
  let matcher: Promise<Matcher> | null = null;
  const getMatcher = () =>
    (matcher ??= load()
      .then(({ catalog, data, itemTopics }) => bandMatcherFromData(catalog, data, itemTopics))
      .catch((error: unknown) => {
        matcher = null;
        throw error;
      }));
  const getDirectory = () =>
    loadDirectory().catch((error: unknown) => {
      console.warn('[da06] national directory not loaded', error);
      return undefined;
    });
  return {
    async summarize(page) {
      if (page.pageKind === 'procedure-list' || !page.procedure) return null;
      // The panel matches through the directory too: a code or portal id alone gets its name and field.
      const directory = getDirectory();
      return summarizePage(await getMatcher(), page, await directory);
    },
    async knownName(title, hints) {
      const directory = getDirectory();
      return knownNameFrom(await getMatcher(), await directory)(title, hints);
    },
  };
}

export function createMatchSummary(
  load: () => Promise<MatchingData> = fetchMatchingData,
  loadDirectory: () => Promise<Directory> = fetchDirectory,
): (page: RecognizedPage) => Promise<MatchSummary | null> {
  return createMatching(load, loadDirectory).summarize;
}
