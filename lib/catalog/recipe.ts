import { z } from 'zod';
import { DocumentKeySchema, SeedDocumentSchema } from './schema';

/*
 * A plan's ingest recipe: everything the ingester needs to know about one seed
 * document, as data beside the seed (seeds/<key>.recipe.json). A new plan is one
 * seed file plus one recipe; no document key appears in code.
 */

const Pattern = z.string().min(1).refine((p) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** Columns of the appendix table, 0-based, after the row number. */
export const ColumnsSchema = z.object({
  content: z.number().int().min(0),
  lead: z.number().int().min(0),
  partner: z.number().int().min(0),
  deadline: z.number().int().min(0),
  product: z.number().int().min(0).optional(),
});

const TaskTableSchema = z.object({
  kind: z.literal('tasks'),
  /** "tab": tab-separated rows; "pipe": `|`-separated rows with `|---|` rules and letter sections (A, B, C). */
  syntax: z.enum(['tab', 'pipe']),
  columns: ColumnsSchema,
  /** The body's own list of groups ("- Về thể chế: 13 nhiệm vụ"), found after the line this pattern matches. */
  bodyGroups: z.object({ after: Pattern, unit: z.string().default('nhiệm vụ') }).optional(),
  /** A group whose size the body announces ("triển khai 12 nhiệm vụ trong năm 2024"): pattern with one number group. */
  announced: z.object({ group: z.string().min(1), pattern: Pattern }).optional(),
});

const ModelTableSchema = z.object({
  /** Body sections "N. Mô hình K: …" merged with an appendix row per model (refs #M<K>). */
  kind: z.literal('models'),
  syntax: z.literal('tab'),
});

/** Target bullets of a body section. */
const TargetSectionSchema = z.discriminatedUnion('style', [
  z.object({
    /** Every "- …" or "N. …" line with a percentage between start and end is a target (refs #T1…). */
    style: z.literal('bullets'),
    start: Pattern,
    end: Pattern,
    /** Where the section's year is said ("địa bàn huyện năm 2024"): one group with the year. */
    yearPattern: Pattern.optional(),
  }),
  z.object({
    /** "- " / "+ " bullets under phase lines (refs #T1…), each phase's line giving its dates. */
    style: z.literal('phased-bullets'),
    start: Pattern,
    end: Pattern,
    phases: z.array(z.object({ phase: z.enum(['urgent', 'breakthrough']), pattern: Pattern })).min(1),
  }),
]);

export const RecipeSchema = z.object({
  document: SeedDocumentSchema,
  table: z.discriminatedUnion('kind', [TaskTableSchema, ModelTableSchema]),
  targets: z.object({
    /** Body sections of target bullets, in reading order. */
    sections: z.array(TargetSectionSchema).default([]),
    /** Percentages, ranks and minimum counts stated in rows (tasks) or goals (models) become targets. */
    fromItems: z.boolean().default(true),
  }).default({ sections: [], fromItems: true }),
});
export type Recipe = z.infer<typeof RecipeSchema>;
export type RecipeInput = z.input<typeof RecipeSchema>;

export { DocumentKeySchema };
