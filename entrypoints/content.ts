import { PORTAL_HOST_PATTERNS } from '@/lib/portals/hosts';
import type { PageSeen } from '@/lib/messages';

// The thin sensor: reports which portal page is open (address and title only)
// on load and on in-page navigation. Recognition itself runs elsewhere.
export default defineContentScript({
  matches: [...PORTAL_HOST_PATTERNS],
  runAt: 'document_idle',
  main() {
    let last = '';
    const report = () => {
      if (location.href === last) return;
      last = location.href;
      const message: PageSeen = {
        type: 'page-seen',
        url: location.href,
        title: document.title.slice(0, 300),
        at: Date.now(),
      };
      browser.runtime.sendMessage(message).catch(() => {
        // The background may be restarting; the next navigation reports again.
      });
    };
    report();
    window.addEventListener('popstate', report);
    window.addEventListener('hashchange', report);
  },
});
