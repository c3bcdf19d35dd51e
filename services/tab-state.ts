import { browser, type Browser } from 'wxt/browser';
import { TabStateSchema, type TabState } from '@/lib/messages';

/*
 * The per-tab state (recognized page + match summary) lives in
 * storage.session under `tab:<id>`: it outlives the MV3 service worker (which
 * Chrome stops after ~30 s idle), is cleared when the browser closes, and is
 * readable by extension pages only (never by content scripts, the default
 * access level). The background is the only writer; the panel reads it once
 * and watches storage.onChanged — the one refresh path.
 */

const PREFIX = 'tab:';

export const tabStateKey = (tabId: number): string => `${PREFIX}${tabId}`;

function tabIdOfKey(key: string): number | null {
  return key.startsWith(PREFIX) && /^\d+$/.test(key.slice(PREFIX.length)) ? Number(key.slice(PREFIX.length)) : null;
}

/** storage.session (Chrome ≥ 102, Firefox ≥ 115, MV2 too); storage.local where a browser lacks it. */
export function tabStateArea(): { area: Browser.storage.StorageArea; name: 'session' | 'local' } {
  const session = (browser.storage as { session?: Browser.storage.StorageArea }).session;
  return session ? { area: session, name: 'session' } : { area: browser.storage.local, name: 'local' };
}

/** Validated; null when there is none or it does not fit the schema. */
function parseState(raw: unknown): TabState | null {
  if (raw === undefined || raw === null) return null;
  const parsed = TabStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  const key = tabStateKey(tabId);
  const stored = await tabStateArea().area.get(key);
  return parseState(stored[key]);
}

export async function writeTabState(state: TabState): Promise<void> {
  await tabStateArea().area.set({ [tabStateKey(state.tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await tabStateArea().area.remove(tabStateKey(tabId));
}

/** Every tab state change (null = removed); returns the function that stops watching. */
export function watchTabStates(onChange: (tabId: number, state: TabState | null) => void): () => void {
  const { name } = tabStateArea();
  const listener = (changes: Record<string, Browser.storage.StorageChange>, areaName: string) => {
    if (areaName !== name) return;
    for (const [key, change] of Object.entries(changes)) {
      const tabId = tabIdOfKey(key);
      if (tabId !== null) onChange(tabId, parseState(change.newValue));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
