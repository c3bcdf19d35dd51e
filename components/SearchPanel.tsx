import { useMemo } from 'react';
import type { Directory, DirectoryEntry } from '@/lib/directory';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import { searchProcedures } from '@/lib/match/search';
import { getMatcher, viewItem } from '@/lib/match/shipped';
import { ItemCard } from './ItemCard';

interface Props {
  query: string;
  t: (typeof STRINGS)['vi'];
  locale: Locale;
  today: string;
  /** The national directory, when loaded: procedures the query names are offered first. */
  directory?: Directory;
  directorySettled?: boolean;
  /** Show the items for a procedure picked from the directory. */
  onPick?: (entry: DirectoryEntry) => void;
}

/**
 * Search: procedures of the national directory the query names (each with
 * "Xem các mục cho thủ tục này"), beside the plans' items (diacritic-insensitive,
 * typo-tolerant).
 */
export function SearchResults({ query, t, locale, today, directory, directorySettled = true, onPick }: Props) {
  const hits = useMemo(() => getMatcher().search.search(query, { limit: 50 }), [query]);
  const procedures = useMemo(() => (directory ? searchProcedures(directory, query, { limit: 6 }) : []), [directory, query]);
  return (
    <>
      {!directorySettled && <p className="muted" data-testid="search-procedures-loading">{t.cnt_dirLoading}</p>}
      {procedures.length > 0 && (
        <section className="card" aria-labelledby="search-procedures-title" data-testid="search-procedures" data-count={procedures.length}>
          <h2 id="search-procedures-title">{format(t.cnt_dirResults, { count: procedures.length })}</h2>
          <ul className="dir-results">
            {procedures.map(({ entry }) => (
              <li key={entry.code} data-testid="search-procedure" data-code={entry.code}>
                <p className="dir-name">{entry.name}</p>
                <p className="muted">
                  {entry.code} · {entry.field} · {entry.level}
                </p>
                {onPick && (
                  <button type="button" onClick={() => onPick(entry)} aria-describedby={undefined}>
                    {t.cnt_dirShowItems}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
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
    </>
  );
}
