import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { messenger } from '@/lib/messages/protocol';
import { createBadges } from '@/services/background/badges';
import { createMatching } from '@/services/background/match-summary';
import { createOffscreenReader, type SnapshotReader } from '@/services/background/offscreen-reader';
import { createReceiver } from '@/services/background/receiver';
import { createSidePanel } from '@/services/background/side-panel';
import { createTabStates } from '@/services/background/tab-states';
import { createUserHosts } from '@/services/background/user-hosts';
import { sidebarFromToolbar, type FirefoxToolbarApi } from '@/services/background/firefox-toolbar';

// Wires the background's services; each lives in services/background/ with its tests.
// Content script → (recognized | snapshot) → tab state in storage.session → badges, side panel, panel.
export default defineBackground(() => {
  const matching = createMatching();
  const tabStates = createTabStates({ summarize: matching.summarize });
  const badges = createBadges({ sendToTab: (tabId, view) => messenger.sendMessage('badge', view, tabId) });
  const sidePanel = createSidePanel();
  const userHosts = createUserHosts();
  // The generic reader: Chrome's worker has no DOM (offscreen document);
  // Firefox's background page has one. The Firefox module never enters Chrome's bundle.
  let reader: Promise<SnapshotReader> | undefined;
  const snapshotReader = () =>
    (reader ??= import.meta.env.FIREFOX
      ? import('@/services/background/page-reader').then((m) => m.createPageReader())
      : Promise.resolve(createOffscreenReader()));

  tabStates.start();
  badges.start();
  sidePanel.start();
  userHosts.start();
  // Firefox: the toolbar button opens the sidebar (its click is the user action Firefox asks for).
  if (import.meta.env.FIREFOX) sidebarFromToolbar(browser as unknown as FirefoxToolbarApi);

  // Checked, and recorded even when invalid (as an unreadable page): see services/background/receiver.ts.
  const receiver = createReceiver({ tabStates, reader: snapshotReader, knownName: matching.knownName });
  messenger.onMessage('recognized', ({ data, sender }) => receiver.recognized(data, sender));
  messenger.onMessage('snapshot', ({ data, sender }) => receiver.snapshot(data, sender));

  messenger.onMessage('openPanel', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await sidePanel.open(tabId, sender.tab?.windowId);
  });
});
