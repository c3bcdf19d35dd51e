import { checklistLibrary } from '../checklist';
import type { CustomCheck } from '../checklist/library';
import type { ExportCheck } from './format';

/** Definitions of every check an export may mention: the library and this browser's custom checks. */
export function exportChecks(custom: readonly CustomCheck[]): ExportCheck[] {
  return [
    ...checklistLibrary().checks.map((c) => ({ id: c.id, source: 'library' as const, label: c.label, targets: c.targets })),
    ...custom.map((c) => ({ id: c.id, source: 'custom' as const, label: { vi: c.label, en: c.label }, targets: [], ...(c.retiredAt ? { retired: true } : {}) })),
  ];
}
