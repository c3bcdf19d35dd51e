import { tourNotesSetting } from '@/lib/settings';
import type { CustomCheck } from '@/lib/checklist/library';
import { buildTrainingSet, countNotes, importTrainingSet, type ImportOutcome, type TrainingSet, type TrainingSetStores } from '@/lib/training/training-set';
import { TOURS } from '@/lib/training/tours';
import { journalDb } from '../journal';

/** This browser's stores for training sets: the journal's custom checks, the tour notes setting. */
export const trainingSetStores: TrainingSetStores = {
  customChecks: {
    toArray: () => journalDb.customChecks.toArray(),
    putAll: (checks: CustomCheck[]) => journalDb.transaction('rw', journalDb.customChecks, async () => void (await journalDb.customChecks.bulkPut(checks))),
    restore: (previous) =>
      journalDb.transaction('rw', journalDb.customChecks, async () => {
        for (const [id, check] of previous) {
          if (check) await journalDb.customChecks.put(check);
          else await journalDb.customChecks.delete(id);
        }
      }),
  },
  notes: { get: () => tourNotesSetting.get(), set: (v) => tourNotesSetting.set(v) },
};

export const knownTours: ReadonlyMap<string, readonly string[]> = new Map(TOURS.map((t) => [t.id, t.steps.map((s) => s.id)]));

export async function exportTrainingSet(title: string): Promise<{ set: TrainingSet; checks: number; notes: number }> {
  const [checks, notes] = await Promise.all([journalDb.customChecks.toArray(), tourNotesSetting.get()]);
  const set = buildTrainingSet(checks, notes, title.trim());
  return { set, checks: checks.length, notes: countNotes(notes) };
}

export function importTrainingSetText(text: string): Promise<ImportOutcome> {
  return importTrainingSet(text, knownTours, trainingSetStores);
}
