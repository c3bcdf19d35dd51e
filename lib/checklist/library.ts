import { z } from 'zod';
import type { MatchResult } from '../match/matcher';

/**
 * The checklist: reviewed desk actions (seeds/checklist.json), each tied to the
 * catalog items it implements, plus the custom checks trainers and
 * supervisors add in Options. Which checks a filing shows follows the items
 * matched for its procedure.
 */

export const LibraryCheckSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.object({ vi: z.string().min(5), en: z.string().min(5) }),
  refs: z.array(z.string()).min(1),
  requiresTopics: z.array(z.string()).default([]),
  targets: z.array(z.string()),
});
export type LibraryCheck = z.infer<typeof LibraryCheckSchema>;

export const ChecklistLibrarySchema = z
  .object({ version: z.literal(1), checks: z.array(LibraryCheckSchema).min(1) })
  .refine((l) => new Set(l.checks.map((c) => c.id)).size === l.checks.length, { message: 'duplicate check id' });
export type ChecklistLibrary = z.infer<typeof ChecklistLibrarySchema>;

/** A check written by a trainer or supervisor. Retired checks stay (old ticks refer to them). */
export const CustomCheckSchema = z.object({
  id: z.string().regex(/^custom-[a-z0-9-]+$/),
  label: z.string().trim().min(3).max(300),
  /** "all": every filing; otherwise the topic ids (seeds/topics.json) a procedure must carry. */
  appliesTo: z.union([z.literal('all'), z.array(z.string()).min(1)]),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  retiredAt: z.number().int().optional(),
});
export type CustomCheck = z.infer<typeof CustomCheckSchema>;

export interface ApplicableCheck {
  id: string;
  source: 'library' | 'custom';
  label: { vi: string; en: string };
  /** Catalog items this check implements that were matched for the procedure. */
  matchedRefs: string[];
  refs: string[];
  targets: string[];
}

/** The checks to show for a procedure, library first, in library order. */
export function applicableChecks(library: ChecklistLibrary, match: MatchResult, custom: readonly CustomCheck[] = []): ApplicableCheck[] {
  const listed = new Set(match.items.filter((i) => i.band !== 'related').map((i) => i.ref));
  const topics = new Set(match.procedure.topics.map((t) => t.topicId));
  const out: ApplicableCheck[] = [];
  for (const check of library.checks) {
    const matchedRefs = check.refs.filter((r) => listed.has(r));
    if (matchedRefs.length === 0) continue;
    if (check.requiresTopics.length > 0 && !check.requiresTopics.some((t) => topics.has(t))) continue;
    out.push({ id: check.id, source: 'library', label: check.label, matchedRefs, refs: check.refs, targets: check.targets });
  }
  for (const c of custom) {
    if (c.retiredAt !== undefined) continue;
    if (c.appliesTo !== 'all' && !c.appliesTo.some((t) => topics.has(t))) continue;
    out.push({ id: c.id, source: 'custom', label: { vi: c.label, en: c.label }, matchedRefs: [], refs: [], targets: [] });
  }
  return out;
}
