import type { Directory } from '../../lib/directory/lookup';
import type { Matcher, ProcedureQuery } from '../../lib/match';

/** One labelled procedure: items that must be in the specific band, and keyword traps. */
export interface LabelledCase {
  id: string;
  query: ProcedureQuery;
  specific: string[];
  notSpecific: string[];
}

/** A hand judgment of an item the labelled cases do not name ("*" = whatever topic brought it in). */
export interface Judgment {
  ref: string;
  topic: string;
  relevant: boolean;
  why: string;
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
  /** Top-level items in the specific band with no label (items shown with the one they restate are not counted). */
  unlabelled: number;
  unlabelledRefs: { caseId: string; ref: string }[];
  /** Unlabelled items judged relevant / not relevant (tests/match/judged.json), and those left unjudged. */
  judgedRelevant: number;
  judgedWrong: number;
  unjudged: { caseId: string; ref: string }[];
  /** Precision over labelled and judged items. */
  precisionJudged: number;
  /** Lower bound: items still unjudged counted as wrong. */
  precisionJudgedLow: number;
  misses: string[];
}

/** `directory`: match through the national directory, as the extension does. */
export function scoreCases(matcher: Matcher, cases: readonly LabelledCase[], judged: readonly Judgment[] = [], directory?: Directory): Score {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const unlabelledRefs: Score['unlabelledRefs'] = [];
  const unjudged: Score['unjudged'] = [];
  let judgedRelevant = 0;
  let judgedWrong = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const items = matcher.match(c.query, { directory }).items.filter((i) => i.band === 'specific');
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
    // An item shown with the one it restates is not a separate entry: only top-level items count.
    for (const item of items) {
      const r = item.ref;
      if (labelled(r) || restating.has(r)) continue;
      unlabelledRefs.push({ caseId: c.id, ref: r });
      const topics = item.reasons.flatMap((x) => (x.kind === 'topic' ? [x.topicId] : []));
      const verdicts = judged.filter((j) => j.ref === r && (j.topic === '*' || topics.includes(j.topic)));
      if (verdicts.length === 0) unjudged.push({ caseId: c.id, ref: r });
      else if (verdicts.some((j) => j.relevant)) judgedRelevant++;
      else judgedWrong++;
    }
  }
  const unlabelled = unlabelledRefs.length;
  const good = tp + judgedRelevant;
  const seen = tp + fp + judgedRelevant + judgedWrong;
  return {
    recall: tp / (tp + fn), precision: tp / (tp + fp), precisionLow: tp / (tp + fp + unlabelled),
    tp, fn, fp, unlabelled, unlabelledRefs, judgedRelevant, judgedWrong, unjudged,
    precisionJudged: good / seen, precisionJudgedLow: good / (seen + unjudged.length),
    misses,
  };
}
