import catalogData from '../catalog/generated/catalog.shipped.json';
import itemTopics from '../catalog/generated/item-topics.json';
import matchData from '../catalog/generated/match-data.json';
import type { Catalog } from '../catalog/schema';
import { matcherFromData, type MatchData } from './index';
import type { Matcher } from './matcher';
import { createItemViewer } from './present';

/*
 * The catalog as the extension ships it, and its matcher: one per context.
 * Generated from seeds/ at build time (scripts/build-catalog.ts, `npm run
 * catalog`); the shipped copy leaves out the raw seed cells, which no view shows.
 */
export const catalog = catalogData as unknown as Catalog;

let matcher: Matcher | undefined;
/** Built on first use: tags every item and indexes the catalog for search. */
export function getMatcher(): Matcher {
  matcher ??= matcherFromData(catalog, matchData as MatchData, itemTopics);
  return matcher;
}

export const viewItem = createItemViewer(catalog);
