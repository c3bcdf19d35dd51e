import { browser } from 'wxt/browser';
import type { BadgeView } from '@/lib/badge';
import { inPageBadge, toolbarBadge } from '@/lib/badge-view';
import type { TabState } from '@/lib/messages';
import { watchTabStates } from '../tab-state';

/*
 * Both badges follow the tab state, on every change: the toolbar badge (text
 * and title per tab) and the in-page badge (a message to the tab's content
 * script; null removes it). Nothing else sets them.
 */

export const BADGE_COLOR = '#a3141c';

export interface BadgesOptions {
  /** Deliver the in-page badge to the tab's content script. */
  sendToTab(tabId: number, view: BadgeView | null): Promise<unknown>;
}

export interface Badges {
  apply(tabId: number, state: TabState | null): Promise<void>;
  /** Apply every tab state change from now on; returns the function that stops. */
  start(): () => void;
}

/** MV3 `action`; Firefox's MV2 build has the same calls under `browserAction`. */
function toolbarAction(): Pick<typeof browser.action, 'setBadgeText' | 'setTitle' | 'setBadgeBackgroundColor'> | undefined {
  return browser.action ?? browser.browserAction;
}

export function createBadges({ sendToTab }: BadgesOptions): Badges {
  const apply = async (tabId: number, state: TabState | null) => {
    const summary = state?.summary ?? null;
    const toolbar = toolbarBadge(summary);
    const action = toolbarAction();
    const jobs: Promise<unknown>[] = [sendToTab(tabId, inPageBadge(summary))];
    if (action) {
      jobs.push(action.setBadgeText({ tabId, text: toolbar.text }), action.setTitle({ tabId, title: toolbar.title }));
      if (toolbar.text) jobs.push(action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }));
    }
    // A closed tab or a page without the content script refuses: nothing to show there.
    await Promise.allSettled(jobs);
  };
  return {
    apply,
    start: () => watchTabStates((tabId, state) => void apply(tabId, state)),
  };
}
