import type { Catalog } from '../catalog/schema';
import { compileLexicon, LexiconSchema } from './lexicon';
import { createMatcher, type Matcher } from './matcher';
import { createReferenceLookup, ReferenceListSchema } from './reference';
import topicsJson from '../../seeds/topics.json';
import proceduresJson from '../../seeds/procedures.json';

export * from './matcher';

/** The reviewed seeds data, validated once. */
export function loadMatchData() {
  return {
    lexicon: LexiconSchema.parse(topicsJson),
    references: ReferenceListSchema.parse(proceduresJson),
  };
}

/** A matcher over a catalog with the reviewed lexicon and reference list. */
export function matcherFor(catalog: Catalog): Matcher {
  const { lexicon, references } = loadMatchData();
  return createMatcher(catalog, compileLexicon(lexicon), createReferenceLookup(references));
}
