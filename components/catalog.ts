import catalogData from '@/lib/catalog/generated/catalog.shipped.json';
import itemTopics from '@/lib/catalog/generated/item-topics.json';
import matchData from '@/lib/catalog/generated/match-data.json';
import type { Catalog } from '@/lib/catalog/schema';
import { matcherFromData, type MatchData, type Matcher } from '@/lib/match';
import { createItemViewer } from '@/lib/match/present';

// The catalog is generated from seeds/ at build time (scripts/build-catalog.ts);
// the shipped copy leaves out the raw seed cells, which the UI never shows.
export const catalog = catalogData as unknown as Catalog;

let matcher: Matcher | undefined;
/** Built on first use: tags every item and indexes the catalog for search. */
export function getMatcher(): Matcher {
  matcher ??= matcherFromData(catalog, matchData as MatchData, itemTopics);
  return matcher;
}

export const viewItem = createItemViewer(catalog);

