import type { Catalog, CatalogItem } from '../catalog/schema';
import { levelIncludes, NAME_MIN_SCORE, nameSimilarity, sameField, type Directory, type DirectoryEntry } from '../directory/lookup';
import { collapseSpaces } from '../text/normalize';
import type { Tagger, TopicHit } from './lexicon';
import { catalogItems, itemText } from './items';
import type { ReferenceLookup } from './reference';
import type { CatalogSearch } from './search';
import { planEveryFiling } from './every-filing';

/**
 * Matching: which catalog items concern a recognized procedure, in three
 * bands, each with the reason it is listed.
 */

export const MATCH_BANDS = ['specific', 'every-filing', 'related'] as const;
export type MatchBand = (typeof MATCH_BANDS)[number];

export interface ProcedureQuery {
  code?: string;
  /** The national portal's id (UUIDv7) when the page or URL carries it. */
  portalId?: string;
  name?: string;
  field?: string;
  level?: string;
  agency?: string;
}

export type TopicSource = 'name' | 'field' | 'reference';

export interface ProcedureTopic {
  topicId: string;
  source: TopicSource;
  /** The words of the procedure that carry the topic. */
  words: string[];
}

/**
 * Where the page's own text and the national directory (or the reference
 * list) say different things about the same procedure. The page wins; the
 * panel shows these in words.
 */
export interface Disagreement {
  what: 'code' | 'name' | 'field' | 'level';
  source: 'directory' | 'reference';
  /** What the page shows. */
  page: string;
  /** What the directory or the reference list says. */
  other: string;
}

export interface ResolvedProcedure extends ProcedureQuery {
  /** The reference-list entry the code or name led to. */
  reference?: { id: string; name: string; code?: string; by: 'code' | 'name' };
  /** The national directory's entry, and what led to it. */
  directory?: DirectoryEntry & { by: 'code' | 'portalId' | 'name' };
  /** Empty when the page agrees with the directory and the reference list (or they are silent). */
  disagreements: Disagreement[];
  /** Field- and procedure-specific topics (lexicon band "specific"). */
  topics: ProcedureTopic[];
}

export type MatchReason =
  | {
      kind: 'topic';
      topicId: string;
      /** Set when the item names a broader topic than the procedure's own (e.g. hộ tịch for khai sinh). */
      viaTopicId?: string;
      itemWords: string[];
      procedureWords: string[];
      procedureSource: TopicSource;
    }
  | { kind: 'every-filing'; topicId: string; itemWords: string[] }
  /** A desk-practice item that left the every-filing band: led by ministries only. */
  | { kind: 'moved'; why: 'ministry-led'; topicId: string; itemWords: string[] }
  | { kind: 'text'; terms: string[] };

export interface MatchedItem {
  ref: string;
  kind: CatalogItem['kind'];
  band: MatchBand;
  score: number;
  reasons: MatchReason[];
  /**
   * Set when this item restates another listed item (a target stated in its task,
   * or the same sentence in another plan): the panel shows it with that item,
   * and band sizes do not count it.
   */
  restates?: string;
}

export interface MatchResult {
  procedure: ResolvedProcedure;
  items: MatchedItem[];
  /** Every-filing items left out on review, each with its reason (seeds/topics.json `everyFilingOut`). */
  leftOut: { ref: string; reason: string }[];
}

export interface MatchOptions {
  /** false skips the full-text band (the panel adds it after its first paint). */
  related?: boolean;
  /** The national directory, when loaded: a code or portal id alone then gives name, field and level. */
  directory?: Directory;
}

export interface Matcher {
  match(query: ProcedureQuery, options?: MatchOptions): MatchResult;
  resolve(query: ProcedureQuery, directory?: Directory): ResolvedProcedure;
  topicsOf(ref: string): readonly TopicHit[];
  item(ref: string): CatalogItem | undefined;
  readonly items: readonly CatalogItem[];
  readonly search: CatalogSearch;
  readonly tagger: Tagger;
}

function clean(value: string | undefined): string | undefined {
  const v = value === undefined ? undefined : collapseSpaces(value);
  return v ? v : undefined;
}

/** Builds the full-text index (lib/match/search.ts); left out where only bands are counted. */
export type SearchFactory = (items: CatalogItem[], topicsOf: (ref: string) => readonly TopicHit[], tagger: Tagger) => CatalogSearch;

/**
 * The matcher. The full-text index is built on first use and only when a
 * search factory is given: without one (the background's badge count) there
 * is no "possibly related" band and no search.
 */
export function createMatcher(
  catalog: Catalog,
  tagger: Tagger,
  references: ReferenceLookup,
  precomputed?: Record<string, TopicHit[]>,
  options: { everyFilingOut?: readonly { ref: string; reason: string }[]; search?: SearchFactory } = {},
): Matcher {
  const items = catalogItems(catalog);
  const byRef = new Map(items.map((i) => [i.ref, i]));
  const order = new Map(items.map((i, n) => [i.ref, n]));
  const itemTopics = new Map(items.map((i) => [i.ref, precomputed?.[i.ref] ?? tagger.tag(itemText(i))]));
  const topicsOf = (ref: string) => itemTopics.get(ref) ?? [];
  const makeSearch = options.search;
  let index: CatalogSearch | undefined;
  const searchIndex = (): CatalogSearch => {
    if (!makeSearch) throw new Error('this matcher was built without full-text search');
    index ??= makeSearch(items, topicsOf, tagger);
    return index;
  };
  const bandOf = (topicId: string) => tagger.topics.get(topicId)?.band;

  const everyFilingAll = items
    .map((item) => ({
      item,
      reasons: topicsOf(item.ref)
        .filter((h) => bandOf(h.topicId) === 'every-filing')
        .map((h): MatchReason => ({ kind: 'every-filing', topicId: h.topicId, itemWords: h.words })),
    }))
    .filter((e) => e.reasons.length > 0);
  const focus = planEveryFiling(catalog, everyFilingAll.map((e) => e.item), options.everyFilingOut);
  const everyFiling = everyFilingAll.filter((e) => !focus.moved.has(e.item.ref));
  const ministryLed = everyFilingAll.filter((e) => focus.moved.get(e.item.ref)?.reason === 'ministry-led');
  const leftOut = [...focus.moved]
    .filter(([, m]) => m.reason === 'reviewed-out')
    .map(([ref, m]) => ({ ref, reason: m.note ?? '' }));

  function resolve(query: ProcedureQuery, directory?: Directory): ResolvedProcedure {
    const q: ProcedureQuery = {
      code: clean(query.code), portalId: clean(query.portalId), name: clean(query.name), field: clean(query.field),
      level: clean(query.level), agency: clean(query.agency),
    };
    const disagreements: Disagreement[] = [];
    // 1. The national directory: by code, else by portal id, else by name within the field.
    let dir: ResolvedProcedure['directory'];
    if (directory) {
      const byCode = q.code ? directory.byCode(q.code) : undefined;
      const byId = q.portalId ? directory.byPortalId(q.portalId) : undefined;
      if (byCode) dir = { ...byCode, by: 'code' };
      else if (byId) dir = { ...byId, by: 'portalId' };
      else if (q.name) {
        const hit = directory.byName(q.name, { field: q.field, level: q.level });
        if (hit) dir = { ...hit.entry, by: 'name' };
      }
      if (q.code && byId && byId.code !== (byCode?.code ?? q.code)) {
        disagreements.push({ what: 'code', source: 'directory', page: q.code, other: byId.code });
      }
    }
    // 2. The reviewed reference list adds its topics: by the page's code or the directory's,
    //    else by its exact name or alias.
    const byCode = (q.code ? references.byCode(q.code) : undefined) ?? (dir ? references.byCode(dir.code) : undefined);
    const byName = !byCode && q.name ? references.byName(q.name) : undefined;
    const ref = byCode ?? byName;
    let reference: ResolvedProcedure['reference'];
    if (ref) reference = { id: ref.id, name: ref.name, code: ref.code, by: byCode ? 'code' : 'name' };
    // 3. The page's own text wins; say where the others disagree with it.
    if (dir && dir.by !== 'name' && q.name && nameSimilarity(q.name, dir.name) < NAME_MIN_SCORE) {
      disagreements.push({ what: 'name', source: 'directory', page: q.name, other: dir.name });
    }
    // (A name found outside the page's field, because the field had no such name, says so too.)
    if (dir && q.field && dir.field && !sameField(q.field, dir.field)) disagreements.push({ what: 'field', source: 'directory', page: q.field, other: dir.field });
    if (dir && q.level && !levelIncludes(dir.level, q.level)) disagreements.push({ what: 'level', source: 'directory', page: q.level, other: dir.level });
    if (ref && reference?.by === 'code') {
      const said = (what: Disagreement['what']) => disagreements.some((d) => d.what === what);
      const refNames = [ref.name, ...ref.aliases];
      if (q.name && !said('name') && !(dir && dir.by !== 'name') && refNames.every((n) => nameSimilarity(q.name!, n) < NAME_MIN_SCORE)) {
        disagreements.push({ what: 'name', source: 'reference', page: q.name, other: ref.name });
      }
      if (q.field && !said('field') && !sameField(q.field, ref.field)) disagreements.push({ what: 'field', source: 'reference', page: q.field, other: ref.field });
    }
    const resolved: ResolvedProcedure = {
      ...q,
      code: q.code ?? dir?.code ?? ref?.code,
      name: q.name ?? dir?.name ?? ref?.name,
      field: q.field ?? (dir?.field || undefined) ?? ref?.field,
      level: q.level ?? dir?.level ?? ref?.level,
      agency: q.agency ?? (dir?.agency || undefined),
      reference,
      directory: dir,
      disagreements,
      topics: [],
    };
    const add = (topicId: string, source: TopicSource, words: string[]) => {
      if (bandOf(topicId) !== 'specific') return;
      if (resolved.topics.some((t) => t.topicId === topicId)) return;
      resolved.topics.push({ topicId, source, words });
    };
    // Without a name on the page, the reviewed reference name is read before the directory's
    // official one (which may list neighbours: "…, bản sao Giấy khai sinh").
    const tagName = q.name ?? ref?.name ?? resolved.name;
    if (tagName) for (const h of tagger.tag(tagName)) add(h.topicId, 'name', h.words);
    if (resolved.field) for (const h of tagger.tag(resolved.field)) add(h.topicId, 'field', h.words);
    if (ref) for (const id of ref.topics) add(id, 'reference', [ref.name]);
    return resolved;
  }

  function match(query: ProcedureQuery, { related: withRelated = true, directory }: MatchOptions = {}): MatchResult {
    const procedure = resolve(query, directory);
    // Each procedure topic also reaches its broader topics (khai sinh → hộ tịch).
    const reach = new Map<string, { topic: ProcedureTopic; via?: string }>();
    for (const topic of procedure.topics) {
      for (const id of tagger.lineage(topic.topicId)) {
        const existing = reach.get(id);
        if (!existing || (existing.via && id === topic.topicId)) {
          reach.set(id, { topic, via: id === topic.topicId ? undefined : topic.topicId });
        }
      }
    }
    const out = new Map<string, MatchedItem>();
    if (reach.size > 0) {
      for (const item of items) {
        const hits = topicsOf(item.ref);
        const reasons: MatchReason[] = [];
        let score = 0;
        for (const hit of hits) {
          const r = reach.get(hit.topicId);
          if (!r) continue;
          const narrower = r.via !== undefined || procedure.topics.some((t) => tagger.topics.get(t.topicId)?.parent === hit.topicId);
          if (narrower) {
            // A broad topic mentioned next to another narrow one (hộ tịch beside
            // khai tử) is about that narrow one, not about this procedure.
            const otherChild = hits.some(
              (h) => tagger.topics.get(h.topicId)?.parent === hit.topicId && !reach.has(h.topicId),
            );
            if (otherChild) continue;
          }
          reasons.push({
            kind: 'topic', topicId: hit.topicId, viaTopicId: r.via, itemWords: hit.words,
            procedureWords: r.topic.words, procedureSource: r.topic.source,
          });
          score += r.via ? 1 : 3;
        }
        if (reasons.length > 0) out.set(item.ref, { ref: item.ref, kind: item.kind, band: 'specific', score, reasons });
      }
    }
    for (const e of everyFiling) {
      const existing = out.get(e.item.ref);
      if (existing) existing.reasons.push(...e.reasons);
      else {
        const restates = focus.restates.get(e.item.ref);
        out.set(e.item.ref, {
          ref: e.item.ref, kind: e.item.kind, band: 'every-filing', score: e.reasons.length, reasons: [...e.reasons],
          ...(restates ? { restates } : {}),
        });
      }
    }
    // A target stated in a listed task restates it, whatever the band: shown with its task.
    for (const m of out.values()) {
      const item = byRef.get(m.ref);
      if (!m.restates && item?.kind === 'target' && item.taskRef && out.has(item.taskRef)) m.restates = item.taskRef;
    }
    // An item restating one that is specific for this procedure goes with it there.
    for (const m of out.values()) {
      if (m.restates && out.get(m.restates)?.band === 'specific') m.band = 'specific';
    }
    for (const e of ministryLed) {
      if (out.has(e.item.ref)) continue;
      out.set(e.item.ref, {
        ref: e.item.ref, kind: e.item.kind, band: 'related', score: 0,
        reasons: e.reasons.map((r) => (r.kind === 'every-filing' ? { ...r, kind: 'moved', why: 'ministry-led' } : r)),
      });
    }
    if (procedure.name && withRelated && makeSearch) {
      const related = searchIndex().related(procedure.name, { limit: 40 }).filter((h) => !out.has(h.ref)).slice(0, 5);
      for (const hit of related) {
        const item = byRef.get(hit.ref);
        if (item) out.set(hit.ref, { ref: hit.ref, kind: item.kind, band: 'related', score: hit.score, reasons: [{ kind: 'text', terms: hit.terms }] });
      }
    }
    const bandRank = (b: MatchBand) => MATCH_BANDS.indexOf(b);
    const result = [...out.values()].sort(
      (a, b) => bandRank(a.band) - bandRank(b.band) || b.score - a.score || order.get(a.ref)! - order.get(b.ref)!,
    );
    return { procedure, items: result, leftOut };
  }

  return {
    match,
    resolve,
    topicsOf,
    item: (ref) => byRef.get(ref),
    items,
    get search() {
      return searchIndex();
    },
    tagger,
  };
}
