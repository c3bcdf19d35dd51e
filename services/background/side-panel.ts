import { browser } from 'wxt/browser';
import type { TabState } from '@/lib/messages';
import { watchTabStates } from '../tab-state';

/*
 * The panel: Chrome's side panel (the toolbar button opens it; a tab showing
 * a procedure gets its own panel pinned to it), Firefox's sidebar. Opening it
 * from the in-page badge needs a user gesture the browser may not pass on
 * (Firefox never does): then the panel opens as a tab pinned to the page's tab.
 *
 * The page cannot be trusted to ask only when a person clicks (issue 15,
 * cause 5), so opening is rate-limited per portal tab: one request at a time,
 * at most one per second, and at most one panel tab per portal tab — asking
 * again brings that tab to the front instead of opening another.
 */

export const panelPath = (tabId: number) => `sidepanel.html?tab=${tabId}` as const;

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

export interface SidePanel {
  open(tabId: number, windowId?: number): Promise<void>;
  /** Pin a panel to every tab where a procedure is recognized; returns the function that stops. */
  start(): () => void;
}

export interface SidePanelOptions {
  now?: () => number;
  /** Requests for one portal tab closer together than this are ignored. */
  minIntervalMs?: number;
}

export function createSidePanel({ now = Date.now, minIntervalMs = 1000 }: SidePanelOptions = {}): SidePanel {
  const chromePanel = import.meta.env.FIREFOX ? undefined : browser.sidePanel;
  /** Portal tab → the panel tab opened for it. */
  const panelTabs = new Map<number, number>();
  const busy = new Set<number>();
  const last = new Map<number, number>();

  const openOnce = async (tabId: number, windowId?: number) => {
    try {
      if (chromePanel) {
        await chromePanel.open({ tabId });
        return;
      }
      const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
      if (sidebar) {
        await sidebar.open();
        return;
      }
    } catch (error) {
      console.warn('[da06] could not open the side panel; opening the panel as a tab', error);
    }
    const existing = panelTabs.get(tabId);
    if (existing !== undefined) {
      try {
        await browser.tabs.update(existing, { active: true });
        return;
      } catch {
        panelTabs.delete(tabId);
      }
    }
    const tab = await browser.tabs.create({ url: browser.runtime.getURL(`/${panelPath(tabId)}`), windowId });
    if (tab.id !== undefined) panelTabs.set(tabId, tab.id);
  };

  const open = async (tabId: number, windowId?: number) => {
    const t = now();
    if (busy.has(tabId) || t - (last.get(tabId) ?? -Infinity) < minIntervalMs) return;
    busy.add(tabId);
    last.set(tabId, t);
    try {
      await openOnce(tabId, windowId);
    } finally {
      busy.delete(tabId);
    }
  };

  const pin = (tabId: number, state: TabState | null) => {
    if (!chromePanel || !state?.summary) return;
    chromePanel.setOptions({ tabId, path: panelPath(tabId), enabled: true }).catch(() => undefined);
  };

  const forget = (closed: number) => {
    panelTabs.delete(closed);
    last.delete(closed);
    for (const [portal, panel] of panelTabs) if (panel === closed) panelTabs.delete(portal);
  };

  const start = () => {
    chromePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.warn('[da06] sidePanel.setPanelBehavior failed', error);
    });
    browser.tabs.onRemoved.addListener(forget);
    const stop = watchTabStates(pin);
    return () => {
      browser.tabs.onRemoved.removeListener(forget);
      stop();
    };
  };

  return { open, start };
}
