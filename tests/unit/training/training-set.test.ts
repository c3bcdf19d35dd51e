import { describe, expect, it } from 'vitest';
import type { CustomCheck } from '@/lib/checklist/library';
import type { TourNotes } from '@/lib/settings/training';
import { buildTrainingSet, importTrainingSet, parseTrainingSet, type TrainingSetStores } from '@/lib/training/training-set';

const TOURS = new Map([['khai-sinh-cong-quoc-gia', ['ma-thu-tuc', 'le-phi']]]);
const check = (id: string, label = 'Hỏi giấy chứng sinh điện tử'): CustomCheck => ({ id, label, appliesTo: ['khai-sinh'], createdAt: 1, updatedAt: 2 });

function memoryStores(checks: CustomCheck[], notes: TourNotes, failNotes = false) {
  const state = { checks: [...checks], notes: structuredClone(notes) };
  const stores: TrainingSetStores = {
    customChecks: {
      toArray: async () => [...state.checks],
      putAll: async (list) => {
        for (const c of list) state.checks = [...state.checks.filter((x) => x.id !== c.id), c];
      },
      restore: async (previous) => {
        for (const [id, c] of previous) state.checks = c ? [...state.checks.filter((x) => x.id !== id), c] : state.checks.filter((x) => x.id !== id);
      },
    },
    notes: {
      get: async () => structuredClone(state.notes),
      set: async (v) => {
        if (failNotes) throw new Error('quota');
        state.notes = v;
      },
    },
  };
  return { state, stores };
}

const good = () => JSON.stringify(buildTrainingSet([check('custom-a')], { 'khai-sinh-cong-quoc-gia': { 'le-phi': 'Nhắc thanh toán trực tuyến' } }, 'Lớp 1', new Date('2026-11-23T10:00:00Z')));

describe('training sets', () => {
  it('round-trips: export → import adds the checks and merges the notes', async () => {
    const { state, stores } = memoryStores([check('custom-b')], { 'khai-sinh-cong-quoc-gia': { 'ma-thu-tuc': 'Ghi chú cũ' } });
    const outcome = await importTrainingSet(good(), TOURS, stores);
    expect(outcome).toEqual({ ok: true, checks: 1, notes: 1 });
    expect(state.checks.map((c) => c.id).sort()).toEqual(['custom-a', 'custom-b']);
    expect(state.notes).toEqual({ 'khai-sinh-cong-quoc-gia': { 'ma-thu-tuc': 'Ghi chú cũ', 'le-phi': 'Nhắc thanh toán trực tuyến' } });
  });

  const bad: [string, (s: Record<string, unknown>) => unknown, string][] = [
    ['not JSON', () => '{"format": "da06-training-set", ', 'not-json'],
    ['a journal export instead', (s) => ({ ...s, format: 'da06-journal-export' }), 'wrong-format'],
    ['a future version', (s) => ({ ...s, version: 2 }), 'wrong-version'],
    ['a check without the custom- prefix', (s) => ({ ...s, customChecks: [check('custom-a'), { ...check('x'), id: 'dinh-danh' }] }), 'invalid'],
    ['an extra top-level field', (s) => ({ ...s, script: 'alert(1)' }), 'invalid'],
    ['a note of 501 characters', (s) => ({ ...s, tourNotes: { 'khai-sinh-cong-quoc-gia': { 'le-phi': 'x'.repeat(501) } } }), 'invalid'],
    ['a note for a tour this extension does not have', (s) => ({ ...s, tourNotes: { 'tour-la': { 'buoc-1': 'ghi chú' } } }), 'unknown-tour'],
    ['two checks with one id', (s) => ({ ...s, customChecks: [check('custom-a'), check('custom-a', 'khác')] }), 'invalid'],
  ];
  for (const [name, mutate, kind] of bad) {
    it(`attack: ${name} → rejected (${kind}), nothing changes`, async () => {
      const base = JSON.parse(good()) as Record<string, unknown>;
      const mutated = mutate(base);
      const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
      const { state, stores } = memoryStores([check('custom-b')], { 'khai-sinh-cong-quoc-gia': { 'ma-thu-tuc': 'Ghi chú cũ' } });
      const before = structuredClone(state);
      const outcome = await importTrainingSet(text, TOURS, stores);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problem.kind).toBe(kind);
      expect(state).toEqual(before);
    });
  }

  it('attack: a 2 MB file → rejected as too large before parsing', () => {
    const result = parseTrainingSet(' '.repeat(2_000_000), TOURS);
    expect(result.ok || result.problem.kind).toBe('too-large');
  });

  it('when the notes cannot be written, the checks written are put back (nothing changes)', async () => {
    const { state, stores } = memoryStores([check('custom-a', 'Nhãn cũ')], {}, true);
    await expect(importTrainingSet(good(), TOURS, stores)).rejects.toThrow('quota');
    expect(state.checks).toEqual([check('custom-a', 'Nhãn cũ')]);
  });
});
