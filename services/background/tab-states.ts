import { browser } from 'wxt/browser';
import type { MatchSummary } from '@/lib/match/bands';
import type { RecognizedPage } from '@/lib/recognize/page';
import { readTabState, removeTabState, writeTabState } from '../tab-state';

/*
 * The background's writer of the per-tab state. Writes for one tab run one
 * after the other (the first summary waits for the match data), so a later
 * page can never be overwritten by an earlier one. A tab's state goes away
 * when the tab closes or loads another address.
 */

export interface TabStatesOptions {
  /** Band counts of the page's procedure; null when it shows none. */
  summarize(page: RecognizedPage): Promise<MatchSummary | null>;
  now?: () => number;
}

export interface TabStates {
  /** Store the latest page recognized in a tab, with its summary. */
  record(tabId: number, page: RecognizedPage): Promise<void>;
  forget(tabId: number): Promise<void>;
  /** Listen to tab removal and full navigations. */
  start(): void;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createTabStates({ summarize, now = Date.now }: TabStatesOptions): TabStates {
  const queues = new Map<number, Promise<void>>();
  const enqueue = (tabId: number, job: () => Promise<void>): Promise<void> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
    const tail = next.catch((error: unknown) => console.warn('[da06] tab state', error));
    queues.set(tabId, tail);
    void tail.then(() => {
      if (queues.get(tabId) === tail) queues.delete(tabId);
    });
    return next;
  };

  const record = (tabId: number, page: RecognizedPage) =>
    enqueue(tabId, async () => {
      const summary = await summarize(page);
      await writeTabState({ tabId, page, summary, at: now() });
    });

  const forget = (tabId: number) => enqueue(tabId, () => removeTabState(tabId));

  const start = () => {
    browser.tabs.onRemoved.addListener((tabId) => void forget(tabId));
    // The tab went to another site: no sensor will report there, so the old
    // page's state is stale. Within the same site the sensor reports the new
    // page itself (Chrome also says "loading" for history.pushState, which
    // must not wipe the state: the sensor may not even notice a quick round trip).
    // Without the `tabs` permission the address is visible only on hosts the
    // extension may access: an address it cannot see is, by that, another site.
    browser.tabs.onUpdated.addListener((tabId, info, tab) => {
      if (info.status !== 'loading') return;
      const url = info.url ?? tab?.url;
      const origin = url ? originOf(url) : null;
      void enqueue(tabId, async () => {
        const state = await readTabState(tabId);
        if (state && originOf(state.page.url) !== origin) await removeTabState(tabId);
      });
    });
  };

  return { record, forget, start };
}
