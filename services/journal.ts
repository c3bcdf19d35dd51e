import { browser } from 'wxt/browser';
import { JournalDb } from '@/lib/journal/db';
import { Journal } from '@/lib/journal/journal';
import { Outbox } from '@/lib/journal/outbox';
import { TickQueue } from '@/lib/journal/queue';

/*
 * The journal of this extension page: one Dexie connection per page; every
 * page and tab share the same IndexedDB database, and live queries keep them in step.
 */
export const journalDb = new JournalDb();
export const journal = new Journal(journalDb);
/** Ticks between click and commit; the outbox lives in this extension origin's localStorage. */
export const tickQueue = new TickQueue(journal, new Outbox(globalThis.localStorage));

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
