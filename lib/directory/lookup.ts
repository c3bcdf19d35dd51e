import { comparisonKey } from '../text/normalize';
import { PORTAL_ID, type DirectoryData } from './data';

/** One procedure of the national directory. */
export interface DirectoryEntry {
  code: string;
  portalId: string;
  name: string;
  field: string;
  /** Cấp thực hiện as published, comma-separated when several ("Cấp tỉnh, Cấp xã"). */
  level: string;
  agency: string;
}

export interface NameHints {
  /** Lĩnh vực the page shows: entries of that field are preferred. */
  field?: string;
  /** Cấp thực hiện the page shows: breaks ties between entries of one name. */
  level?: string;
}

export interface NameMatch {
  entry: DirectoryEntry;
  /** 0–1 similarity of the names (1: the same words once "Thủ tục" is dropped). */
  score: number;
  /** How far ahead of the best entry with another name (1 when there is none). */
  margin: number;
  /** True when the entry was chosen among the given field's entries. */
  inField: boolean;
}

export type DirectoryHit =
  | { by: 'code' | 'portalId'; entry: DirectoryEntry }
  | { by: 'name'; entry: DirectoryEntry; match: NameMatch };

export interface Directory {
  readonly size: number;
  readonly source: DirectoryData['source'];
  byCode(code: string): DirectoryEntry | undefined;
  byPortalId(portalId: string): DirectoryEntry | undefined;
  /** The best entry for a name within its field, or null when no entry is clearly best. */
  byName(name: string, hints?: NameHints): NameMatch | null;
  /** A code, a portal id or a name, whichever the text is (the CLI's lookup). */
  find(text: string, hints?: NameHints): DirectoryHit | null;
  entry(index: number): DirectoryEntry;
}

/** Below this similarity a name does not resolve. */
export const NAME_MIN_SCORE = 0.88;
/** The best entry must lead the best entry of another name by this much. */
export const NAME_MIN_MARGIN = 0.1;

const CODE_PREFIX = /^(\d\.\d{6})(?:\.|$)/;

/** Comparison key of a procedure name: folded, and without a leading "Thủ tục" or list number. */
export function nameKey(name: string): string {
  const key = comparisonKey(name).replace(/^\d{1,2} /, '');
  const rest = key.replace(/^thu tuc /, '');
  return rest || key;
}

/** Fields are the same when their keys are, or one extends the other ("…giao thông" / "…giao thông cơ giới, …"). */
export function sameField(a: string, b: string): boolean {
  const x = comparisonKey(a);
  const y = comparisonKey(b);
  if (!x || !y) return false;
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** Whether the page's level is one of the entry's (published comma-separated). */
export function levelIncludes(entryLevel: string, level: string): boolean {
  const want = comparisonKey(level);
  return !!want && entryLevel.split(',').some((l) => comparisonKey(l) === want);
}

function bigrams(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How alike two procedure names are, 0–1: the mean of the Dice overlap of
 * their words and of their word pairs (so order counts), on folded keys
 * without a leading "Thủ tục". 1 when the keys are equal.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const tx = x.split(' ');
  const ty = y.split(' ');
  const words = dice(new Set(tx), new Set(ty));
  const px = bigrams(tx);
  const py = bigrams(ty);
  return px.size && py.size ? (words + dice(px, py)) / 2 : words;
}

/**
 * Lookups over the compact directory. Code and portal id maps are built at
 * once; the name index on the first name lookup.
 */
export function createDirectory(data: DirectoryData): Directory {
  const size = data.code.length;
  const entries: (DirectoryEntry | undefined)[] = new Array(size);
  const entry = (i: number): DirectoryEntry =>
    (entries[i] ??= {
      code: data.code[i],
      portalId: data.id[i],
      name: data.name[i],
      field: data.fields[data.field[i]] ?? '',
      level: data.levels[data.level[i]] ?? '',
      agency: data.agencies[data.agency[i]] ?? '',
    });
  const codes = new Map<string, number>();
  const ids = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    codes.set(data.code[i], i);
    ids.set(data.id[i], i);
  }

  interface NameIndex {
    keys: string[];
    tokens: string[][];
    /** Distinct words per entry. */
    sizes: number[];
    /** Word pairs, made when an entry is first scored. */
    pairs: (Set<string> | undefined)[];
    exact: Map<string, number[]>;
    postings: Map<string, number[]>;
    fieldKeys: string[];
  }
  let index: NameIndex | undefined;
  const nameIndex = (): NameIndex => {
    if (index) return index;
    const built: NameIndex = { keys: [], tokens: [], sizes: [], pairs: new Array(size), exact: new Map(), postings: new Map(), fieldKeys: data.fields.map(comparisonKey) };
    for (let i = 0; i < size; i++) {
      const key = nameKey(data.name[i]);
      const tokens = key.split(' ').filter(Boolean);
      built.keys.push(key);
      const words = new Set(tokens);
      built.tokens.push(tokens);
      built.sizes.push(words.size);
      const same = built.exact.get(key);
      if (same) same.push(i);
      else built.exact.set(key, [i]);
      for (const w of words) {
        const list = built.postings.get(w);
        if (list) list.push(i);
        else built.postings.set(w, [i]);
      }
    }
    index = built;
    return built;
  };

  function byName(name: string, hints: NameHints = {}): NameMatch | null {
    const ix = nameIndex();
    const key = nameKey(name);
    const tokens = key.split(' ').filter(Boolean);
    if (tokens.length === 0) return null;
    const words = new Set(tokens);
    const pairs = bigrams(tokens);

    // Candidates share at least one word; word overlap is counted from the postings.
    const shared = new Map<number, number>();
    for (const w of words) for (const i of ix.postings.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const scored: { i: number; score: number }[] = [];
    for (const [i, n] of shared) {
      const wordDice = (2 * n) / (words.size + ix.sizes[i]);
      if (wordDice < NAME_MIN_SCORE - 0.2) continue;
      const theirs = (ix.pairs[i] ??= bigrams(ix.tokens[i]));
      const score = ix.keys[i] === key ? 1 : pairs.size && theirs.size ? (wordDice + dice(pairs, theirs)) / 2 : wordDice;
      scored.push({ i, score });
    }
    if (scored.length === 0) return null;

    const fieldKey = hints.field ? comparisonKey(hints.field) : '';
    const inField = (i: number) => !!fieldKey && sameField(ix.fieldKeys[data.field[i]] ?? '', fieldKey);
    const fieldPool = fieldKey ? scored.filter((s) => inField(s.i) && s.score >= NAME_MIN_SCORE) : [];
    const pool = fieldPool.length ? scored.filter((s) => inField(s.i)) : scored;
    pool.sort((a, b) => b.score - a.score);
    const best = pool[0];
    if (best.score < NAME_MIN_SCORE) return null;
    // Entries of the same name (the same procedure at another level): the level decides, or nothing does.
    let twins = pool.filter((s) => ix.keys[s.i] === ix.keys[best.i]);
    if (twins.length > 1 && hints.level) twins = twins.filter((s) => levelIncludes(data.levels[data.level[s.i]] ?? '', hints.level!));
    if (twins.length !== 1) return null;
    const other = pool.find((s) => ix.keys[s.i] !== ix.keys[best.i]);
    const margin = other ? best.score - other.score : 1;
    if (margin < NAME_MIN_MARGIN) return null;
    return { entry: entry(twins[0].i), score: best.score, margin, inField: fieldPool.length > 0 };
  }

  function byCode(code: string): DirectoryEntry | undefined {
    const c = code.trim();
    let i = codes.get(c);
    // Hand-off URLs add local and service suffixes (1.000494.000.00.00.H29, 1.013229.01).
    if (i === undefined) {
      const national = CODE_PREFIX.exec(c)?.[1];
      if (national) i = codes.get(national);
    }
    return i === undefined ? undefined : entry(i);
  }

  function byPortalId(portalId: string): DirectoryEntry | undefined {
    const id = portalId.trim().toLowerCase();
    if (!PORTAL_ID.test(id)) return undefined;
    const i = ids.get(id);
    return i === undefined ? undefined : entry(i);
  }

  return {
    size,
    source: data.source,
    byCode,
    byPortalId,
    byName,
    entry,
    find(text, hints) {
      const t = text.trim();
      const c = byCode(t);
      if (c) return { by: 'code', entry: c };
      const p = byPortalId(t);
      if (p) return { by: 'portalId', entry: p };
      const m = byName(t, hints);
      return m ? { by: 'name', entry: m.entry, match: m } : null;
    },
  };
}
