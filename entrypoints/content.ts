import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PORTAL_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { parseUserHosts, USER_HOSTS_KEY } from '@/lib/hosts/user-hosts';
import { startSensor } from '@/lib/recognize/sensor';
import { createPageBadge, isBadgeView } from '@/lib/badge';
import { messenger } from '@/lib/messages/protocol';

// The thin sensor. It reads only procedure-level facts through the site
// adapters (or hands a sanitized snapshot over for the generic reader) and
// never reads form values or the applicant's data. Also registered at run
// time for hosts the user adds in Options. The in-page badge shows what the
// background derives from the tab state (and goes away when it says null).
export default defineContentScript({
  matches: [...PORTAL_HOST_PATTERNS],
  runAt: 'document_idle',
  async main(ctx) {
    let adapterId: string | undefined;
    try {
      // The raw item with the setting's own parser, not the WXT storage item: that
      // library alone is ~9.6 KB, and the content script must stay under 25 KB.
      const stored = await browser.storage.local.get(USER_HOSTS_KEY);
      adapterId = parseUserHosts(stored[USER_HOSTS_KEY]).find((h) => h.host === location.hostname)?.adapterId;
    } catch {
      // Storage unavailable: the built-in adapters still work.
    }
    // The badge is ours alone: kept by reference, closed to the page, opened by trusted clicks only.
    // Firefox keeps the root open: its E2E reads the badge from the page (see README, "page boundary").
    const badge = createPageBadge(document, {
      mode: import.meta.env.FIREFOX ? 'open' : 'closed',
      onActivate: () => void messenger.sendMessage('openPanel').catch(() => undefined),
    });
    const stopBadge = messenger.onMessage('badge', ({ data }) => {
      if (data === null) badge.remove();
      else if (isBadgeView(data)) badge.show(data);
    });
    const sensor = startSensor({
      doc: document,
      href: () => location.href,
      adapterId,
      events: window,
      navigation: (window as { navigation?: EventTarget }).navigation ?? null,
      send: (message) => {
        // The background may be restarting; the next change reports again.
        const sent =
          message.type === 'recognized'
            ? messenger.sendMessage('recognized', { page: message.page, final: message.final })
            : messenger.sendMessage('snapshot', { url: message.url, html: message.html, adapterId: message.adapterId });
        sent.catch(() => undefined);
      },
    });
    ctx.onInvalidated(() => {
      sensor.stop();
      stopBadge();
      badge.destroy();
    });
  },
});
