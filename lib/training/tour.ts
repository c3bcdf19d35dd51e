import { z } from 'zod';
import type { Catalog } from '../catalog/schema';

/*
 * Guided tours are data: one JSON file per tour in tours/, validated here.
 * A step points at something on the screen (a CSS selector, or the exact
 * visible text of a label, which also works on the real portal), may first
 * prepare the demo screen (an in-app route, a modal), and names the plan items
 * that concern it; their sources are read from the catalog (a unit test checks
 * every ref exists).
 */

const Text = z.object({ vi: z.string().min(1).max(600), en: z.string().min(1).max(600) });

export const TourStepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    anchor: z
      .object({
        /** CSS selector of the element to highlight. */
        selector: z.string().min(1).max(200).optional(),
        /** Exact visible text of a label (trimmed, a trailing colon ignored); the highlight is its row. */
        text: z.string().min(1).max(120).optional(),
      })
      .refine((a) => Boolean(a.selector || a.text), 'anchor needs a selector or a text'),
    /** Before the step, on a demo screen: go to this route of the screen. */
    route: z.number().int().min(0).max(10).optional(),
    /** Before the step, on a demo screen: open this modal (the screen's modal key). */
    modal: z.string().max(80).optional(),
    title: Text,
    body: Text,
    /** Catalog refs of the plan items that concern this step (tasks, targets, models). */
    refs: z.array(z.string().regex(/^[a-z0-9-]+#[A-Za-z0-9/]+$/)).min(1).max(8),
  })
  .strict();

export const TourSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/),
    version: z.literal(1),
    /** The demo screen the tour runs on (lib/training/screens.ts). */
    screen: z.string().min(1),
    /**
     * Site adapters of real portal pages the tour may also run over (from the panel). There, steps
     * that need a demo route or modal are left out, and anchors are found by their label text.
     */
    sites: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(10).optional(),
    title: Text,
    summary: Text,
    steps: z.array(TourStepSchema).min(1).max(20),
  })
  .strict();

export type Tour = z.infer<typeof TourSchema>;
export type TourStep = z.infer<typeof TourStepSchema>;

export interface RefSource {
  ref: string;
  kind: 'task' | 'target' | 'model';
  /** The plan document's short title, e.g. "KH Đề án 06 tỉnh Thanh Hóa 2024". */
  document: string;
  /** The item's words, shortened. */
  text: string;
  /** Where in the seed document: "seeds/<file> dòng a–b". */
  where: string;
}

const shorten = (s: string, max = 180): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** The item behind a ref with its source; null when the catalog has no such ref. */
export function refSource(catalog: Catalog, ref: string): RefSource | null {
  const docs = new Map(catalog.documents.map((d) => [d.key, d.shortTitle]));
  const task = catalog.tasks.find((t) => t.ref === ref);
  const model = task ? undefined : catalog.models.find((m) => m.ref === ref);
  const target = task || model ? undefined : catalog.targets.find((t) => t.ref === ref);
  const item = task ?? model ?? target;
  if (!item) return null;
  const text = task ? task.content : model ? `${model.name}. ${model.goal ?? ''}` : (target?.statement ?? '');
  const prov = item.provenance;
  const lines = prov.lines ? (prov.lines[0] === prov.lines[1] ? ` dòng ${prov.lines[0]}` : ` dòng ${prov.lines[0]}–${prov.lines[1]}`) : '';
  return {
    ref,
    kind: task ? 'task' : model ? 'model' : 'target',
    document: docs.get(item.doc) ?? item.doc,
    text: shorten(text.trim()),
    where: `seeds/${prov.file}${lines}`,
  };
}

/** The steps of a tour that can run over a real portal page (no demo route or modal needed). */
export function pageSteps(tour: Tour): TourStep[] {
  return tour.steps.filter((s) => s.route === undefined && s.modal === undefined);
}

/** Tours that may run over a real page recognized by `site`. */
export function toursForSite<T extends Tour>(tours: readonly T[], site: string | undefined): T[] {
  return site ? tours.filter((t) => t.sites?.includes(site) && pageSteps(t).length > 0) : [];
}

/** Refs a tour names that the catalog does not have (a test keeps this empty). */
export function unknownRefs(catalog: Catalog, tour: Tour): string[] {
  return tour.steps.flatMap((s) => s.refs).filter((ref) => refSource(catalog, ref) === null);
}

export { findAnchor } from './anchor';
