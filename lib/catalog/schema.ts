import { z } from 'zod';

/** A document's key (e.g. "kh-…-2024"), given by its recipe (seeds/<key>.recipe.json). */
export const DocumentKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
export type DocumentKey = z.infer<typeof DocumentKeySchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SeedDocumentSchema = z.object({
  key: DocumentKeySchema,
  shortTitle: z.string().min(1),
  fullTitle: z.string().min(1),
  issuer: z.string().min(1),
  /** As precise as the document allows: "2024-02", "2025-06-27". */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  file: z.string().regex(/^[\w.-]+\.txt$/),
  note: z.string().optional(),
  /** The level of the issuing authority. */
  level: z.enum(['central', 'province', 'district', 'commune']),
  /**
   * The period the plan covers, in the plan's words and as days: "năm 2024" is
   * 2024-01-01…2024-12-31; "năm 2024 và những năm tiếp theo" has no end.
   * A passed date is shown in red only while the plan's period is current.
   */
  period: z.object({ from: IsoDate, to: IsoDate.optional(), raw: z.string().min(1) }),
});
export type SeedDocument = z.infer<typeof SeedDocumentSchema>;

/** Where an item came from: stable ref, seed file and 1-based inclusive line range. */
export const ProvenanceSchema = z.object({
  ref: z.string(),
  doc: DocumentKeySchema,
  file: z.string(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const DeadlinePartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: IsoDate }),
  z.object({ kind: z.literal('month'), year: z.number().int(), month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('quarter'), year: z.number().int(), quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('year'), year: z.number().int() }),
  z.object({ kind: z.literal('range'), from: IsoDate, to: IsoDate }),
  z.object({ kind: z.literal('recurring'), from: IsoDate.optional() }),
  z.object({ kind: z.literal('conditional'), condition: z.string() }),
  z.object({ kind: z.literal('done') }),
]);
export type DeadlinePart = z.infer<typeof DeadlinePartSchema>;

export const DEADLINE_KINDS = [
  'date', 'month', 'quarter', 'year', 'range', 'recurring', 'conditional', 'done', 'staged', 'combination', 'unknown',
] as const;
export const DeadlineSchema = z.object({
  raw: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  parts: z.array(DeadlinePartSchema),
  /** Last day of the latest dated part, when there is one. */
  due: IsoDate.optional(),
  /**
   * A target the deadline cell states instead of (or next to) a time
   * ("cấp tỉnh và huyện 100%; cấp xã 90%"): kept apart, never read as a time.
   */
  target: z.string().optional(),
  /** Stages of a staged target ("đạt từ 70% … từ quý II/2024"): each starts on a day and continues. */
  stages: z.array(z.object({ from: IsoDate, text: z.string() })).optional(),
  /** Cited documents whose dates were set aside ("Kế hoạch số 296/KH-UBND ngày 13/12/2023"). */
  cited: z.array(z.string()).optional(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const UNIT_LEVELS = ['central', 'province', 'district', 'commune', 'all-levels', 'other'] as const;
/** What kind of body a unit is; used to choose the officer's own plan units. */
export const UNIT_KINDS = [
  'ubnd', 'cong-an', 'mot-cua', 'so', 'phong', 'bo', 'bhxh', 'ngan-hang', 'van-phong', 'to-cong-tac',
  'toa-an-vks', 'dang-doan-the', 'doanh-nghiep', 'nhom', 'khac',
] as const;
export const UnitSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  level: z.enum(UNIT_LEVELS),
  /** Spellings found in the seeds that were mapped to this unit. */
  variants: z.array(z.string()),
  /** True when the unit comes from the reviewed list (seeds/units.json), false when derived. */
  reviewed: z.boolean(),
  kind: z.enum(UNIT_KINDS).optional(),
  /** The unit that took over its work when it ended (district units on 30/6/2025, merged departments). */
  successor: z.string().optional(),
  /** Last day the unit existed. */
  until: z.string().optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const GroupSchema = z.object({
  id: z.string(),
  doc: DocumentKeySchema,
  numeral: z.string(),
  heading: z.string(),
  declared: z.number().int().nullable(),
  itemRefs: z.array(z.string()),
  /** Set when the heading was not in the appendix and was restored from elsewhere. */
  restoredFrom: z.string().optional(),
  line: z.number().int().positive().nullable(),
});
export type Group = z.infer<typeof GroupSchema>;

export const TaskSchema = z.object({
  ref: z.string(),
  kind: z.literal('task'),
  doc: DocumentKeySchema,
  number: z.string(),
  groupId: z.string(),
  /** Display text: markup removed, OCR noise fixed through the reviewed table. */
  content: z.string(),
  /** The cells exactly as in the seed (continuations joined by a space). */
  raw: z.object({
    content: z.string(),
    lead: z.string(),
    partner: z.string(),
    deadline: z.string(),
    product: z.string().optional(),
  }),
  leadUnitIds: z.array(z.string()),
  partnerUnitIds: z.array(z.string()),
  deadline: DeadlineSchema,
  product: z.string().optional(),
  incomplete: z.boolean(),
  defectIds: z.array(z.string()),
  provenance: ProvenanceSchema,
});
export type Task = z.infer<typeof TaskSchema>;

export const ModelSchema = z.object({
  ref: z.string(),
  kind: z.literal('model'),
  doc: DocumentKeySchema,
  nationalNumber: z.number().int().positive(),
  rowNumber: z.number().int().positive(),
  name: z.string(),
  groupId: z.string(),
  goal: z.string().optional(),
  assignments: z.string().optional(),
  implementingUnits: z.string().optional(),
  notes: z.string().optional(),
  bodyDeadline: z.string().optional(),
  deadline: DeadlineSchema,
  tools: z.string().optional(),
  platforms: z.array(z.string()),
  leadUnitIds: z.array(z.string()),
  partnerUnitIds: z.array(z.string()),
  supportUnitIds: z.array(z.string()),
  raw: z.object({ lead: z.string(), partner: z.string(), support: z.string(), deadline: z.string(), platforms: z.string() }),
  defectIds: z.array(z.string()),
  provenance: ProvenanceSchema,
  bodyProvenance: ProvenanceSchema,
});
export type Model = z.infer<typeof ModelSchema>;

export const TargetSchema = z.object({
  ref: z.string(),
  kind: z.literal('target'),
  doc: DocumentKeySchema,
  statement: z.string(),
  value: z.number(),
  unit: z.enum(['%', 'count', 'rank']),
  /** What the count is of, when unit is count ("dịch vụ công trực tuyến", "hồ sơ/năm"). */
  countOf: z.string().optional(),
  comparator: z.enum(['at-least', 'exactly', 'at-most']),
  scope: z.string().optional(),
  period: z.object({
    raw: z.string().optional(),
    phase: z.enum(['urgent', 'breakthrough']).optional(),
    from: IsoDate.optional(),
    due: IsoDate.optional(),
  }),
  taskRef: z.string().optional(),
  provenance: ProvenanceSchema,
});
export type Target = z.infer<typeof TargetSchema>;

export const DefectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  doc: DocumentKeySchema,
  what: z.string(),
  evidence: z.string(),
  handling: z.string(),
  /** Machine-readable instruction the ingester follows; "note" means shown only. */
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('note') }),
    z.object({ type: z.literal('section-letter-alias'), alias: z.string(), letter: z.string() }),
    z.object({ type: z.literal('lost-row'), number: z.number().int(), fragmentStartsWith: z.string() }),
    z.object({ type: z.literal('missing-group-heading'), numeral: z.string(), firstRow: z.number().int(), lastRow: z.number().int() }),
    z.object({ type: z.literal('unclosed-heading'), numeral: z.string() }),
    z.object({ type: z.literal('missing-column'), section: z.string(), column: z.string() }),
    z.object({ type: z.literal('duplicate-row'), number: z.number().int(), duplicateOf: z.number().int() }),
  ]),
  affects: z.array(z.string()),
});
export type Defect = z.infer<typeof DefectSchema>;

export const CATALOG_VERSION = 1;
export const CatalogSchema = z.object({
  version: z.literal(CATALOG_VERSION),
  sources: z.array(z.object({ key: DocumentKeySchema, file: z.string(), sha256: z.string() })),
  documents: z.array(SeedDocumentSchema),
  groups: z.array(GroupSchema),
  tasks: z.array(TaskSchema),
  models: z.array(ModelSchema),
  targets: z.array(TargetSchema),
  units: z.array(UnitSchema),
  defects: z.array(DefectSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogItem = Task | Model | Target;
