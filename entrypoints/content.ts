import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PORTAL_HOST_PATTERNS } from '@/lib/portals/hosts';
import { userHostsSetting } from '@/lib/settings/user-hosts';
import { startSensor } from '@/lib/recognize/sensor';
import { showBadge } from '@/lib/badge';

// The thin sensor. It reads only procedure-level facts through the site
// adapters (or hands a sanitized snapshot over for the generic reader) and
// never reads form values or the applicant's data. Also registered at run
// time for hosts the user adds in Options.
export default defineContentScript({
  matches: [...PORTAL_HOST_PATTERNS],
  runAt: 'document_idle',
  async main(ctx) {
    let adapterId: string | undefined;
    try {
      adapterId = (await userHostsSetting.get()).find((h) => h.host === location.hostname)?.adapterId;
    } catch {
      // Storage unavailable: the built-in adapters still work.
    }
    const sensor = startSensor({
      doc: document,
      href: () => location.href,
      adapterId,
      send: (message) => {
        browser.runtime.sendMessage(message).catch(() => {
          // The background may be restarting; the next change reports again.
        });
      },
    });
    let removeBadge: (() => void) | undefined;
    const onMessage = (raw: unknown) => {
      const m = raw as { type?: unknown; count?: unknown; label?: unknown } | null;
      if (m?.type !== 'da06-badge' || typeof m.count !== 'number' || typeof m.label !== 'string') return undefined;
      removeBadge = showBadge(document, {
        count: m.count,
        label: m.label,
        onClick: () => void browser.runtime.sendMessage({ type: 'open-panel' }).catch(() => undefined),
      });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      sensor.stop();
      removeBadge?.();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
