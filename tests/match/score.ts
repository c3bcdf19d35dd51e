import type { Matcher, ProcedureQuery } from '../../lib/match';

/** One labelled procedure: items that must be in the specific band, and keyword traps. */
export interface LabelledCase {
  id: string;
  query: ProcedureQuery;
  specific: string[];
  notSpecific: string[];
}

export interface Score {
  recall: number;
  /** Over labelled items only. */
  precision: number;
  /** Lower bound: every unjudged item in the band counted as wrong. */
  precisionLow: number;
  tp: number;
  fn: number;
  fp: number;
  /** Items in the specific band with no label (an item shown with a labelled one it restates is judged with it). */
  unlabelled: number;
  unlabelledRefs: { caseId: string; ref: string }[];
  misses: string[];
}

export function scoreCases(matcher: Matcher, cases: readonly LabelledCase[]): Score {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const unlabelledRefs: Score['unlabelledRefs'] = [];
  const misses: string[] = [];
  for (const c of cases) {
    const items = matcher.match(c.query).items.filter((i) => i.band === 'specific');
    const specific = new Set(items.map((i) => i.ref));
    const restating = new Map(items.filter((i) => i.restates).map((i) => [i.ref, i.restates!]));
    for (const ref of c.specific) {
      if (specific.has(ref)) tp++;
      else { fn++; misses.push(`${c.id}: missing ${ref}`); }
    }
    for (const ref of c.notSpecific) {
      if (specific.has(ref)) { fp++; misses.push(`${c.id}: trap ${ref} listed`); }
    }
    const labelled = (r: string) => c.specific.includes(r) || c.notSpecific.includes(r);
    for (const r of specific) {
      if (!labelled(r) && !(restating.has(r) && labelled(restating.get(r)!))) unlabelledRefs.push({ caseId: c.id, ref: r });
    }
  }
  const unlabelled = unlabelledRefs.length;
  return {
    recall: tp / (tp + fn), precision: tp / (tp + fp), precisionLow: tp / (tp + fp + unlabelled),
    tp, fn, fp, unlabelled, unlabelledRefs, misses,
  };
}
