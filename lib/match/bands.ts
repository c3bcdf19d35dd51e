import type { Catalog } from '../catalog/schema';
import type { Directory } from '../directory/lookup';
import type { RecognizedPage } from '../recognize/page';
import { compileLexicon, type Lexicon, type TopicHit } from './lexicon';
import { createMatcher, type Matcher } from './matcher';
import { createReferenceLookup, type ReferenceList } from './reference';

/*
 * Band counts without full-text search: what the background needs for the
 * badges. Importing this module never pulls in MiniSearch (lib/match/search.ts),
 * and the matcher it builds has no "possibly related" band, so nothing is
 * indexed. The specific band is the same as the panel's.
 */

/** The reviewed seeds data, validated (and defaults filled in) by zod at build time. */
export interface MatchData {
  lexicon: Lexicon;
  references: ReferenceList;
}

/** Topics of every item, keyed by ref (written at build time next to the catalog). */
export type ItemTopics = Record<string, TopicHit[]>;

/** What the background writes per tab next to the recognized page. */
export interface MatchSummary {
  /** Items specific to the procedure (the badge count). */
  specific: number;
  /** Desk practices of every filing. */
  everyFiling: number;
}

export function bandMatcherFromData(catalog: Catalog, data: MatchData, itemTopics?: ItemTopics): Matcher {
  return createMatcher(catalog, compileLexicon(data.lexicon), createReferenceLookup(data.references), itemTopics, {
    everyFilingOut: data.lexicon.everyFilingOut,
  });
}

/** The procedure a page is about, or null (lists, unknown pages, pages without code, portal id or name). */
export function procedureOf(page: RecognizedPage): RecognizedPage['procedure'] {
  const p = page.pageKind === 'procedure-list' ? null : page.procedure;
  return p && (p.code || p.name || p.portalId) ? p : null;
}

/** Band counts for a recognized page (through the national directory when given); null when the page shows no procedure. */
export function summarizePage(matcher: Matcher, page: RecognizedPage, directory?: Directory): MatchSummary | null {
  const procedure = procedureOf(page);
  if (!procedure) return null;
  // Counted as the panel counts: an item restating another is shown under it, not apart.
  const items = matcher.match(procedure, { related: false, directory }).items.filter((i) => !i.restates);
  return {
    specific: items.filter((i) => i.band === 'specific').length,
    everyFiling: items.filter((i) => i.band === 'every-filing').length,
  };
}
