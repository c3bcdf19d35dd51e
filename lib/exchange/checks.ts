import { checklistLibrary } from '../checklist';
import type { CustomCheck } from '../checklist/library';
import type { ImportedCheck } from '../journal/db';
import type { ExportCheck } from './format';

/**
 * Definitions of every check an export may mention: the library, this
 * browser's custom checks, and the custom checks that came with imported
 * files (so a re-export keeps their wording).
 */
export function exportChecks(custom: readonly CustomCheck[], imported: readonly ImportedCheck[] = []): ExportCheck[] {
  const out: ExportCheck[] = [
    ...checklistLibrary().checks.map((c) => ({ id: c.id, source: 'library' as const, label: c.label, targets: c.targets })),
    ...custom.map((c) => ({ id: c.id, source: 'custom' as const, label: { vi: c.label, en: c.label }, targets: [], ...(c.retiredAt ? { retired: true } : {}) })),
  ];
  const seen = new Set(out.map((c) => c.id));
  for (const c of imported) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push({ id: c.id, source: 'custom', label: c.label, targets: c.targets, ...(c.retired ? { retired: true } : {}) });
  }
  return out;
}
