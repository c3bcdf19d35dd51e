import { browser } from 'wxt/browser';
import { JournalDb } from '@/lib/journal/db';
import { Journal, type StaffContext } from '@/lib/journal/journal';
import { officeLabel, type Profile } from '@/lib/profile';
import { catalog } from './catalog';
import { checklistLibrary } from '@/lib/checklist';
import type { ExportCheck } from '@/lib/export/format';
import type { CustomCheck } from '@/lib/checklist/library';

export { useProfile } from './profile';

/** One journal per extension page; every page and tab share the same IndexedDB. */
export const journalDb = new JournalDb();
export const journal = new Journal(journalDb);

let persistAsked: Promise<boolean> | undefined;
/**
 * Ask the browser to keep the journal even when disk space runs low (once per
 * page). True when storage is persistent, or when the extension holds
 * unlimitedStorage (Chromium then exempts it from eviction even if persist() says no).
 */
export function requestPersistence(): Promise<boolean> {
  persistAsked ??= (async () => {
    const persisted = await (navigator.storage?.persist?.() ?? Promise.resolve(false)).catch(() => false);
    if (persisted) return true;
    return browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
  })();
  return persistAsked;
}

export function staffContext(profile: Profile): StaffContext {
  // Ticks carry the office's own name ("UBND phường Hạc Thành"), else its first plan unit's name.
  return { staff: profile.name, unit: officeLabel(profile, (id) => catalog.units.find((u) => u.id === id)?.name), demo: profile.demo };
}

/** Definitions of every check an export may mention: the library and this browser's custom checks. */
export function exportChecks(custom: readonly CustomCheck[]): ExportCheck[] {
  return [
    ...checklistLibrary().checks.map((c) => ({ id: c.id, source: 'library' as const, label: c.label, targets: c.targets })),
    ...custom.map((c) => ({ id: c.id, source: 'custom' as const, label: { vi: c.label, en: c.label }, targets: [], ...(c.retiredAt ? { retired: true } : {}) })),
  ];
}
