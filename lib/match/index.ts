import type { Catalog } from '../catalog/schema';
import type { ItemTopics, MatchData } from './bands';
import { compileLexicon, LexiconSchema } from './lexicon';
import { catalogItems, itemText } from './items';
import { createMatcher, type Matcher } from './matcher';
import { createReferenceLookup, ReferenceListSchema } from './reference';
import { createCatalogSearch } from './search';
import topicsJson from '../../seeds/topics.json';
import proceduresJson from '../../seeds/procedures.json';

export * from './matcher';

export type { MatchData, ItemTopics, MatchSummary } from './bands';

export function loadMatchData(): MatchData {
  return {
    lexicon: LexiconSchema.parse(topicsJson),
    references: ReferenceListSchema.parse(proceduresJson),
  };
}

/**
 * A matcher from data validated at build time (generated/match-data.json):
 * the panel and the background skip zod on start-up.
 */
export function matcherFromData(catalog: Catalog, data: MatchData, itemTopics?: ItemTopics): Matcher {
  return createMatcher(catalog, compileLexicon(data.lexicon), createReferenceLookup(data.references), itemTopics, {
    everyFilingOut: data.lexicon.everyFilingOut,
    search: createCatalogSearch,
  });
}

export function tagCatalog(catalog: Catalog): ItemTopics {
  const tagger = compileLexicon(loadMatchData().lexicon);
  return Object.fromEntries(catalogItems(catalog).map((item) => [item.ref, tagger.tag(itemText(item))]));
}

/**
 * A matcher over a catalog with the reviewed lexicon and reference list.
 * Pass the build-time item topics to skip tagging (the panel does).
 */
export function matcherFor(catalog: Catalog, itemTopics?: ItemTopics): Matcher {
  const { lexicon, references } = loadMatchData();
  return createMatcher(catalog, compileLexicon(lexicon), createReferenceLookup(references), itemTopics, {
    everyFilingOut: lexicon.everyFilingOut,
    search: createCatalogSearch,
  });
}
