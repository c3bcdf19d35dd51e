import { z } from 'zod';
import { CustomCheckSchema, type CustomCheck } from '../checklist/library';
import { TourNotesSchema, type TourNotes } from '../settings/training';

/*
 * A training set: the file a trainer carries from one room to the next —
 * custom checks and tour notes. Versioned and validated whole before anything
 * is written: a bad file is rejected with a message that names the problem,
 * and nothing changes.
 */

export const TRAINING_SET_FORMAT = 'da06-training-set' as const;
export const TRAINING_SET_VERSION = 1 as const;
/** Larger files are refused before parsing. */
export const TRAINING_SET_MAX_BYTES = 1_000_000;

export const TrainingSetSchema = z
  .object({
    format: z.literal(TRAINING_SET_FORMAT),
    version: z.literal(TRAINING_SET_VERSION),
    exportedAt: z.iso.datetime(),
    /** Free text naming the set ("Lớp tập huấn phường Hạc Thành, 11/2026"); no personal data. */
    title: z.string().trim().max(200).default(''),
    customChecks: z.array(CustomCheckSchema).max(500),
    tourNotes: TourNotesSchema,
  })
  .strict()
  .refine((s) => new Set(s.customChecks.map((c) => c.id)).size === s.customChecks.length, { message: 'duplicate custom check id', path: ['customChecks'] });
export type TrainingSet = z.infer<typeof TrainingSetSchema>;

export function buildTrainingSet(customChecks: readonly CustomCheck[], tourNotes: TourNotes, title = '', now = new Date()): TrainingSet {
  return {
    format: TRAINING_SET_FORMAT,
    version: TRAINING_SET_VERSION,
    exportedAt: now.toISOString(),
    title,
    customChecks: [...customChecks],
    tourNotes,
  };
}

export type TrainingSetProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'wrong-format'; found: string }
  | { kind: 'wrong-version'; found: string }
  | { kind: 'invalid'; path: string; detail: string }
  | { kind: 'unknown-tour'; ids: string[] };

export type TrainingSetResult = { ok: true; set: TrainingSet } | { ok: false; problem: TrainingSetProblem };

/**
 * Reads a file's text. `knownTours` (tour id → its step ids): notes for a tour
 * or step this extension does not have are refused rather than kept invisibly.
 */
export function parseTrainingSet(text: string, knownTours: ReadonlyMap<string, readonly string[]>): TrainingSetResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > TRAINING_SET_MAX_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { kind: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (obj.format !== TRAINING_SET_FORMAT) return { ok: false, problem: { kind: 'wrong-format', found: String(obj.format ?? '—') } };
  if (obj.version !== TRAINING_SET_VERSION) return { ok: false, problem: { kind: 'wrong-version', found: String(obj.version ?? '—') } };
  const parsed = TrainingSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: { kind: 'invalid', path: issue.path.join('.') || '—', detail: issue.message } };
  }
  const unknown: string[] = [];
  for (const [tourId, notes] of Object.entries(parsed.data.tourNotes)) {
    const steps = knownTours.get(tourId);
    if (!steps) unknown.push(tourId);
    else for (const stepId of Object.keys(notes)) if (!steps.includes(stepId)) unknown.push(`${tourId}/${stepId}`);
  }
  if (unknown.length) return { ok: false, problem: { kind: 'unknown-tour', ids: unknown } };
  return { ok: true, set: parsed.data };
}

/** Where a training set goes: the journal's custom checks and the tour notes setting. */
export interface TrainingSetStores {
  customChecks: {
    toArray(): Promise<CustomCheck[]>;
    /** Writes all or nothing (one transaction). */
    putAll(checks: CustomCheck[]): Promise<void>;
    /** Restores the previous state of these ids (undefined = remove). */
    restore(previous: Map<string, CustomCheck | undefined>): Promise<void>;
  };
  notes: { get(): Promise<TourNotes>; set(value: TourNotes): Promise<void> };
}

export type ImportOutcome = { ok: true; checks: number; notes: number } | { ok: false; problem: TrainingSetProblem };

/** Count of notes in a TourNotes value. */
export const countNotes = (notes: TourNotes): number => Object.values(notes).reduce((n, steps) => n + Object.keys(steps).length, 0);

/**
 * Validates the whole file, then writes: custom checks by id (a check with the
 * same id is replaced), notes merged per tour step (the file's note wins). If
 * the notes cannot be written, the checks are put back: nothing changes.
 */
export async function importTrainingSet(text: string, knownTours: ReadonlyMap<string, readonly string[]>, stores: TrainingSetStores): Promise<ImportOutcome> {
  const parsed = parseTrainingSet(text, knownTours);
  if (!parsed.ok) return parsed;
  const { set } = parsed;
  const before = await stores.customChecks.toArray();
  const previous = new Map<string, CustomCheck | undefined>(set.customChecks.map((c) => [c.id, before.find((b) => b.id === c.id)]));
  const notes = await stores.notes.get();
  const merged: TourNotes = { ...notes };
  for (const [tourId, steps] of Object.entries(set.tourNotes)) merged[tourId] = { ...(merged[tourId] ?? {}), ...steps };
  await stores.customChecks.putAll(set.customChecks);
  try {
    await stores.notes.set(merged);
  } catch (error) {
    await stores.customChecks.restore(previous);
    throw error;
  }
  return { ok: true, checks: set.customChecks.length, notes: countNotes(set.tourNotes) };
}
