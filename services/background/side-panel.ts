import { browser } from 'wxt/browser';
import type { TabState } from '@/lib/messages';
import { watchTabStates } from '../tab-state';

/*
 * The panel: Chrome's side panel (the toolbar button opens it; a tab showing
 * a procedure gets its own panel pinned to it), Firefox's sidebar. Opening it
 * from the in-page badge needs a user gesture the browser may not pass on
 * (Firefox never does): then the panel opens as a tab pinned to the page's tab.
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

export function createSidePanel(): SidePanel {
  const chromePanel = import.meta.env.FIREFOX ? undefined : browser.sidePanel;

  const open = async (tabId: number, windowId?: number) => {
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
    await browser.tabs.create({ url: browser.runtime.getURL(`/${panelPath(tabId)}`), windowId });
  };

  const pin = (tabId: number, state: TabState | null) => {
    if (!chromePanel || !state?.summary) return;
    chromePanel.setOptions({ tabId, path: panelPath(tabId), enabled: true }).catch(() => undefined);
  };

  const start = () => {
    chromePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.warn('[da06] sidePanel.setPanelBehavior failed', error);
    });
    return watchTabStates(pin);
  };

  return { open, start };
}
