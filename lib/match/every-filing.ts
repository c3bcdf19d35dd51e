import type { Catalog, CatalogItem } from '../catalog/schema';
import { comparisonKey } from '../text/normalize';
import { itemText } from './items';

/*
 * The "every filing" band, focused: each desk practice is shown once.
 * - A target stated in a task (`kh-…#20/1` of task #20) restates that task: it is
 *   shown with the task, not as another item.
 * - The same sentence in several plans (a national target copied into the
 *   province's and the district's plans) is one practice: shown once, under the
 *   first plan that states it as a task, the others listed with it.
 * - An item led only by ministries (a central plan's tasks of named ministries)
 *   is not something the desk does: it moves to "possibly related", with the reason.
 * - A reviewed list (seeds/topics.json `everyFilingOut`) leaves out items that name
 *   a desk practice but are management work around it, each with its reason.
 */

export type MovedReason = 'ministry-led' | 'reviewed-out';

export interface EveryFilingPlan {
  /** Refs shown at the top of the band, in catalog order. */
  leaders: Set<string>;
  /** ref → the ref it restates (shown with it). */
  restates: Map<string, string>;
  /** ref → why it left the band (to "related" for ministry-led, out for reviewed ones). */
  moved: Map<string, { reason: MovedReason; note?: string }>;
}

const WORD_SIMILARITY = 0.8;

function words(text: string): Set<string> {
  return new Set(
    comparisonKey(text)
      .replace(/[^\p{L}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1),
  );
}

function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= WORD_SIMILARITY && shared / Math.max(a.size, b.size) >= 0.6;
}

export function planEveryFiling(
  catalog: Catalog,
  candidates: readonly CatalogItem[],
  reviewedOut: readonly { ref: string; reason: string }[] = [],
): EveryFilingPlan {
  const unitLevel = new Map(catalog.units.map((u) => [u.id, u.level]));
  const docLevel = new Map(catalog.documents.map((d) => [d.key, d.level]));
  const inBand = new Set(candidates.map((c) => c.ref));
  const moved: EveryFilingPlan['moved'] = new Map();
  const restates = new Map<string, string>();
  const out = new Map(reviewedOut.map((r) => [r.ref, r.reason]));

  const kept: CatalogItem[] = [];
  for (const item of candidates) {
    if (item.kind !== 'target' && docLevel.get(item.doc) === 'central' && item.leadUnitIds.length > 0
      && item.leadUnitIds.every((id) => unitLevel.get(id) === 'central')) {
      moved.set(item.ref, { reason: 'ministry-led' });
      continue;
    }
    kept.push(item);
  }
  // A target whose own task left the band leaves with it.
  for (const item of kept) {
    if (item.kind === 'target' && item.taskRef && moved.has(item.taskRef)) moved.set(item.ref, moved.get(item.taskRef)!);
  }
  const remaining = kept.filter((i) => !moved.has(i.ref));

  // Targets stated in a task that is in the band go with that task.
  for (const item of remaining) {
    if (item.kind === 'target' && item.taskRef && inBand.has(item.taskRef) && !moved.has(item.taskRef)) restates.set(item.ref, item.taskRef);
  }
  // The same sentence elsewhere: tasks lead (catalog order), then targets.
  const leaders: CatalogItem[] = [];
  const wordsOf = new Map(remaining.map((i) => [i.ref, words(itemText(i))]));
  const ordered = [...remaining.filter((i) => i.kind !== 'target'), ...remaining.filter((i) => i.kind === 'target')];
  for (const item of ordered) {
    if (restates.has(item.ref)) continue;
    const same = leaders.find((l) => similar(wordsOf.get(l.ref)!, wordsOf.get(item.ref)!));
    if (same) restates.set(item.ref, same.ref);
    else leaders.push(item);
  }
  // A target restating a task that itself restates another goes to that one.
  for (const [ref, to] of restates) {
    let target = to;
    while (restates.has(target)) target = restates.get(target)!;
    restates.set(ref, target);
  }
  // Reviewed-out items leave with everything that restates them (the same sentence elsewhere).
  for (const [ref, note] of out) {
    if (!inBand.has(ref) || moved.has(ref)) continue;
    const head = restates.get(ref) ?? ref;
    for (const r of [head, ...[...restates].filter(([, to]) => to === head).map(([from]) => from)]) {
      moved.set(r, { reason: 'reviewed-out', note: r === ref ? note : `${note} (${ref})` });
      restates.delete(r);
    }
  }
  return { leaders: new Set(leaders.filter((l) => !moved.has(l.ref)).map((l) => l.ref)), restates, moved };
}
