import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MessageSchema, type TabState } from '@/lib/messages';
import { matchPatternFor } from '@/lib/hosts/user-hosts';
import { userHostsSetting } from '@/lib/settings/user-hosts';
import type { RecognizedPage } from '@/lib/recognize/page';
import { RecognizedPageSchema } from '@/lib/recognize/schema';
import catalogData from '@/lib/catalog/generated/catalog.shipped.json';
import itemTopics from '@/lib/catalog/generated/item-topics.json';
import matchData from '@/lib/catalog/generated/match-data.json';
import type { Catalog } from '@/lib/catalog/schema';
import { format, STRINGS } from '@/lib/i18n';
import { matcherFromData, type MatchData, type Matcher } from '@/lib/match';
import { sidebarFromToolbar, type FirefoxToolbarApi } from '@/services/background/firefox-toolbar';

// Keeps the latest recognition per tab, runs the generic reader on snapshots
// (offscreen document in Chrome, the background page itself in Firefox),
// registers the sensor on hosts the user added, and wires the side panel.

type ChromeExtras = {
  sidePanel?: {
    setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void>;
    setOptions(o: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
    open(o: { tabId?: number; windowId?: number }): Promise<void>;
  };
  offscreen?: {
    createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
    hasDocument?(): Promise<boolean>;
  };
  scripting?: {
    registerContentScripts(s: object[]): Promise<void>;
    unregisterContentScripts(f?: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(f?: { ids: string[] }): Promise<{ id: string }[]>;
  };
};

const USER_SCRIPT_ID = 'da06-user-hosts';

export default defineBackground(() => {
  const chromeApi = (globalThis as { chrome?: ChromeExtras }).chrome;
  const tabs = new Map<number, TabState>();

  // Firefox: the toolbar button opens the sidebar (its click is the user action Firefox asks for).
  if (import.meta.env.FIREFOX) sidebarFromToolbar(browser as unknown as FirefoxToolbarApi);

  chromeApi?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('[da06] sidePanel.setPanelBehavior failed', error);
  });

  // The same matcher as the panel, so the badge count equals the panel's.
  let matcher: Matcher | undefined;
  const specificCount = (page: RecognizedPage): number | undefined => {
    const p = page.pageKind === 'procedure-list' ? undefined : page.procedure;
    if (!p || (!p.code && !p.name)) return undefined;
    matcher ??= matcherFromData(catalogData as unknown as Catalog, matchData as MatchData, itemTopics);
    return matcher.match(p).items.filter((i) => i.band === 'specific' && !i.restates).length;
  };

  const store = (tabId: number, page: RecognizedPage) => {
    tabs.set(tabId, { tabId, page, at: Date.now() });
    browser.runtime.sendMessage({ type: 'tab-state-changed', tabId }).catch(() => {
      // No panel open: nothing to tell.
    });
    const count = specificCount(page);
    if (count === undefined) return;
    // A recognized procedure page gets its own panel, pinned to this tab.
    chromeApi?.sidePanel?.setOptions({ tabId, path: `sidepanel.html?tab=${tabId}`, enabled: true }).catch(() => undefined);
    // MV3 `action`; Firefox's MV2 build has the same calls under `browserAction`.
    const toolbar = browser.action ?? browser.browserAction;
    toolbar?.setBadgeText({ tabId, text: String(count) }).catch(() => undefined);
    toolbar?.setBadgeBackgroundColor({ tabId, color: '#a3141c' }).catch(() => undefined);
    const label = format(STRINGS.vi.badgeLabel, { count });
    browser.tabs.sendMessage(tabId, { type: 'da06-badge', count, label }).catch(() => undefined);
  };

  const openPanel = async (tabId: number, windowId?: number) => {
    try {
      if (chromeApi?.sidePanel) {
        await chromeApi.sidePanel.open({ tabId });
        return;
      }
      const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
      if (sidebar) {
        await sidebar.open();
        return;
      }
    } catch (error) {
      console.warn('[da06] could not open the side panel; opening the panel as a tab', error);
    }
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`), windowId });
  };

  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

  let offscreenReady: Promise<void> | null = null;
  const ensureOffscreen = () => {
    offscreenReady ??= (async () => {
      if (await chromeApi?.offscreen?.hasDocument?.()) return;
      await chromeApi!.offscreen!.createDocument({
        url: 'offscreen.html',
        reasons: ['DOM_PARSER'],
        justification: 'Read a sanitized copy of a procedure page that no site adapter recognizes.',
      });
    })().catch((error: unknown) => {
      offscreenReady = null;
      throw error;
    });
    return offscreenReady;
  };

  const recognizeSnapshot = async (url: string, html: string, adapterId?: string): Promise<RecognizedPage> => {
    if (typeof DOMParser !== 'undefined') {
      const { recognizePage } = await import('@/lib/recognize');
      return recognizePage(new DOMParser().parseFromString(html, 'text/html'), url, { adapterId });
    }
    await ensureOffscreen();
    const raw: unknown = await browser.runtime.sendMessage({ target: 'offscreen', type: 'recognize-snapshot', url, html, adapterId });
    return RecognizedPageSchema.parse(raw);
  };

  browser.runtime.onMessage.addListener((raw, sender) => {
    if ((raw as { target?: string } | null)?.target === 'offscreen') return undefined;
    const parsed = MessageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    const tabId = sender.tab?.id;
    if (message.type === 'recognized') {
      if (tabId === undefined) return undefined;
      store(tabId, message.page);
      return Promise.resolve({ ok: true });
    }
    if (message.type === 'snapshot') {
      if (tabId === undefined) return undefined;
      return recognizeSnapshot(message.url, message.html, message.adapterId)
        .then((page) => {
          store(tabId, page);
          return { ok: true };
        })
        .catch((error: unknown) => {
          console.warn('[da06] generic reader failed', error);
          return { ok: false };
        });
    }
    if (message.type === 'open-panel') {
      if (tabId === undefined) return undefined;
      return openPanel(tabId, sender.tab?.windowId).then(() => ({ ok: true }));
    }
    if (message.type === 'get-tab-state') {
      return (async () => {
        let id = message.tabId;
        if (id === undefined) {
          const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
          id = active?.id;
        }
        return id === undefined ? null : (tabs.get(id) ?? null);
      })();
    }
    return undefined;
  });

  // Hosts added in Options: run the sensor there too (only where permission was granted).
  let firefoxRegistration: { unregister(): Promise<void> } | null = null;
  const syncUserHosts = async () => {
    const hosts = await userHostsSetting.get();
    const granted: string[] = [];
    for (const h of hosts) {
      if (await browser.permissions.contains({ origins: [matchPatternFor(h.host)] })) granted.push(matchPatternFor(h.host));
    }
    if (chromeApi?.scripting) {
      const existing = await chromeApi.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] });
      if (existing.length) await chromeApi.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
      if (granted.length) {
        await chromeApi.scripting.registerContentScripts([
          { id: USER_SCRIPT_ID, matches: granted, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
        ]);
      }
      return;
    }
    const ffScripts = (browser as unknown as {
      contentScripts?: { register(o: object): Promise<{ unregister(): Promise<void> }> };
    }).contentScripts;
    if (ffScripts) {
      await firefoxRegistration?.unregister();
      firefoxRegistration = granted.length
        ? await ffScripts.register({ matches: granted, js: [{ file: '/content-scripts/content.js' }], runAt: 'document_idle' })
        : null;
    }
  };
  const resync = () => {
    syncUserHosts().catch((error: unknown) => console.warn('[da06] could not register user hosts', error));
  };
  resync();
  userHostsSetting.watch(resync);
  browser.permissions.onAdded?.addListener(resync);
  browser.permissions.onRemoved?.addListener(resync);
});
