import MiniSearch from 'minisearch';
import type { CatalogItem } from '../catalog/schema';
import { accentKey, comparisonKey, hasDiacritics } from '../text/normalize';
import type { Tagger, TopicHit } from './lexicon';
import { itemText } from './items';

/**
 * Full-text search over the catalog with MiniSearch: diacritic-insensitive
 * through the shared normalizer, typo-tolerant (fuzzy), prefix-aware. Each
 * item is indexed with its text plus the labels and abbreviations of its
 * topics, so "BHYT" finds "bảo hiểm y tế" and the other way round.
 */

export interface SearchHit {
  ref: string;
  score: number;
  /** Normalized query terms that matched. */
  terms: string[];
}

export interface CatalogSearch {
  search(query: string, options?: { limit?: number }): SearchHit[];
  /** OR-combined search with stop words removed, for the "possibly related" band. */
  related(text: string, options?: { limit?: number }): SearchHit[];
}

/** Words too common in procedure names and plans to say anything on their own (folded). */
const STOP_WORDS = new Set(
  ('dang ky cap giay thu tuc xac nhan moi doi thay cho cua va co viec nguoi cong dan noi dung ' +
    'chung ho so truc tuyen tren theo tai the khi duoc cac mot nhung lan dau doi voi ve hanh chinh ' +
    'thuc hien giai quyet dich vu quy dinh trong tu den la de viet nam ban tinh xa huyen').split(' '),
);

function fuzziness(term: string): number | false {
  if (term.length >= 7) return 2;
  if (term.length >= 4) return 1;
  return false;
}

export function createCatalogSearch(
  items: readonly CatalogItem[],
  topicsOf: (ref: string) => readonly TopicHit[],
  tagger: Tagger,
): CatalogSearch {
  // Built on the first search, not when the panel opens.
  let index: MiniSearch<{ id: string; text: string; topics: string }> | undefined;
  const getIndex = () => {
    if (index) return index;
    index = new MiniSearch<{ id: string; text: string; topics: string }>({
      fields: ['text', 'topics'],
      processTerm: (term) => comparisonKey(term) || null,
      searchOptions: { boost: { text: 2 }, prefix: (t) => t.length >= 3, fuzzy: fuzziness },
    });
    index.addAll(
      items.map((item) => {
        const topicWords = topicsOf(item.ref).flatMap((hit) => {
          const topic = tagger.topics.get(hit.topicId);
          return topic ? [topic.label.vi, ...topic.abbreviations] : [];
        });
        return { id: item.ref, text: `${item.ref} ${itemText(item)}`, topics: topicWords.join(' ') };
      }),
    );
    return index;
  };
  // Both comparison keys of every item and a word → items map for each,
  // computed once on first use.
  type Keys = { texts: { ref: string; accent: string; folded: string }[]; accent: Map<string, Set<number>>; folded: Map<string, Set<number>> };
  let keys: Keys | undefined;
  const getKeys = (): Keys => {
    if (keys) return keys;
    const k: Keys = { texts: [], accent: new Map(), folded: new Map() };
    items.forEach((item, n) => {
      const text = itemText(item);
      const entry = { ref: item.ref, accent: ` ${accentKey(text)} `, folded: ` ${comparisonKey(text)} ` };
      k.texts.push(entry);
      for (const mode of ['accent', 'folded'] as const) {
        for (const w of entry[mode].split(' ')) {
          if (!w) continue;
          let set = k[mode].get(w);
          if (!set) k[mode].set(w, (set = new Set()));
          set.add(n);
        }
      }
    });
    return (keys = k);
  };

  function toHits(results: ReturnType<MiniSearch['search']>, limit: number): SearchHit[] {
    return results.slice(0, limit).map((r) => ({ ref: String(r.id), score: r.score, terms: r.terms }));
  }

  return {
    search(query, { limit = 50 } = {}) {
      if (!comparisonKey(query)) return [];
      const strict = getIndex().search(query, { combineWith: 'AND' });
      if (strict.length > 0) return toHits(strict, limit);
      return toHits(getIndex().search(query, { combineWith: 'OR' }), limit);
    },
    related(text, { limit = 5 } = {}) {
      // Words of the name that stand together ("khai sinh", not "triển khai ...
      // an sinh"), compared with diacritics when the name has them.
      const accented = hasDiacritics(text);
      const keyOf = accented ? accentKey : comparisonKey;
      const nameWords = keyOf(text).split(' ').filter((w) => w.length >= 2);
      const phrases: string[] = [];
      for (let i = 0; i + 1 < nameWords.length; i++) {
        const pair = [nameWords[i], nameWords[i + 1]];
        if (pair.some((w) => STOP_WORDS.has(comparisonKey(w)))) continue;
        phrases.push(` ${pair.join(' ')} `);
      }
      if (nameWords.length === 1 && nameWords[0].length >= 5) phrases.push(` ${nameWords[0]} `);
      if (phrases.length === 0) return [];
      const k = getKeys();
      const words = accented ? k.accent : k.folded;
      // Only items holding every word of some phrase can hold the phrase.
      const candidates = new Set<number>();
      for (const p of phrases) {
        const [first, ...rest] = p.trim().split(' ').map((w) => words.get(w) ?? new Set<number>());
        for (const n of first) if (rest.every((set) => set.has(n))) candidates.add(n);
      }
      const hits: SearchHit[] = [];
      for (const n of candidates) {
        const entry = k.texts[n];
        const hay = accented ? entry.accent : entry.folded;
        const shared = phrases.filter((p) => hay.includes(p));
        if (shared.length > 0) hits.push({ ref: entry.ref, score: shared.length, terms: shared.map((p) => p.trim()) });
      }
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, limit);
    },
  };
}

/** The national directory as procedure search needs it (lib/directory's Directory fits). */
export interface ProcedureList<E extends { name: string; code: string }> {
  readonly size: number;
  entry(index: number): E;
}

export interface ProcedureHit<E> {
  entry: E;
  score: number;
}

const procedureKeys = new WeakMap<object, string[]>();

/**
 * Procedures of the national directory a query names ("giấy phép xây dựng",
 * "đăng ký xe", "khai tử"): diacritic-insensitive, the query's words as one
 * phrase first, then all its words anywhere; shorter names (the plain
 * procedure rather than its special cases) and names starting with the phrase
 * first. The folded names are computed once per directory.
 */
export function searchProcedures<E extends { name: string; code: string }>(
  list: ProcedureList<E>,
  query: string,
  { limit = 8 } = {},
): ProcedureHit<E>[] {
  const words = comparisonKey(query).split(' ').filter(Boolean);
  if (words.length === 0 || words.join('').length < 3) return [];
  let keys = procedureKeys.get(list);
  if (!keys) {
    keys = [];
    for (let i = 0; i < list.size; i++) keys.push(` ${comparisonKey(list.entry(i).name).replace(/^thu tuc /, '')} `);
    procedureKeys.set(list, keys);
  }
  const phrase = ` ${words.join(' ')} `;
  const hits: { i: number; score: number }[] = [];
  keys.forEach((key, i) => {
    const at = key.indexOf(phrase);
    let score: number;
    if (at >= 0) score = 2 + (at <= 10 ? 0.5 : 0);
    else if (words.every((w) => key.includes(` ${w} `))) score = 1;
    else return;
    // Shorter names first: the procedure itself before its variants.
    score += 1 / (1 + key.length / 40);
    hits.push({ i, score });
  });
  hits.sort((a, b) => b.score - a.score || a.i - b.i);
  return hits.slice(0, limit).map((h) => ({ entry: list.entry(h.i), score: h.score }));
}
