import { useMemo } from 'react';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import { getMatcher, viewItem } from '@/lib/match/shipped';
import { ItemCard } from './ItemCard';

interface Props {
  query: string;
  t: (typeof STRINGS)['vi'];
  locale: Locale;
  today: string;
}

/** Results of a catalog search (diacritic-insensitive, typo-tolerant). */
export function SearchResults({ query, t, locale, today }: Props) {
  const hits = useMemo(() => getMatcher().search.search(query, { limit: 50 }), [query]);
  return (
    <section className="card" aria-labelledby="search-title" data-testid="search-results" data-count={hits.length}>
      <h2 id="search-title" aria-live="polite">
        {hits.length > 0 ? format(t.searchResults, { count: hits.length, query }) : format(t.searchNone, { query })}
      </h2>
      <ul className="items">
        {hits.map((h) => {
          const item = getMatcher().item(h.ref);
          return item ? <ItemCard key={h.ref} view={viewItem(item, today)} t={t} locale={locale} /> : null;
        })}
      </ul>
    </section>
  );
}
