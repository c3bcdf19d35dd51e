import { MessageSchema, type TabState } from '@/lib/messages';

// Keeps the latest page report per tab and wires the side panel:
// the toolbar button opens it (Chrome), and it follows the active tab.
export default defineBackground(() => {
  const tabs = new Map<number, TabState>();

  // Chrome: open the side panel from the toolbar button. Firefox uses sidebar_action.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('[da06] sidePanel.setPanelBehavior failed', error);
  });

  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

  browser.runtime.onMessage.addListener((raw, sender) => {
    const parsed = MessageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    if (message.type === 'page-seen') {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      tabs.set(tabId, { tabId, url: message.url, title: message.title, at: message.at });
      return Promise.resolve({ ok: true });
    }
    if (message.type === 'get-tab-state') {
      const lookup = async () => {
        let tabId = message.tabId;
        if (tabId === undefined) {
          const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
          tabId = active?.id;
        }
        return tabId === undefined ? null : (tabs.get(tabId) ?? null);
      };
      return lookup();
    }
    return undefined;
  });
});
