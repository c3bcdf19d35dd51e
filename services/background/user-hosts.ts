import { browser } from 'wxt/browser';
import { matchPatternFor, parseUserHosts, USER_HOSTS_KEY } from '@/lib/hosts/user-hosts';

/*
 * Hosts added in Options: the sensor runs there too, only where the user
 * granted the permission. Chrome registers a content script through
 * `scripting` (kept across sessions); Firefox through `contentScripts`
 * (a registration that lives as long as the background page).
 */

export const USER_SCRIPT_ID = 'da06-user-hosts';

interface FirefoxContentScripts {
  contentScripts?: { register(o: object): Promise<{ unregister(): Promise<void> }> };
}

export interface UserHosts {
  /** Register the sensor on exactly the granted user hosts. */
  sync(): Promise<void>;
  /** Follow storage and permission changes. */
  start(): void;
}

export function createUserHosts(): UserHosts {
  let firefoxRegistration: { unregister(): Promise<void> } | null = null;

  const granted = async (): Promise<string[]> => {
    const stored = await browser.storage.local.get(USER_HOSTS_KEY);
    const patterns: string[] = [];
    for (const h of parseUserHosts(stored[USER_HOSTS_KEY])) {
      const pattern = matchPatternFor(h.host);
      if (await browser.permissions.contains({ origins: [pattern] })) patterns.push(pattern);
    }
    return patterns;
  };

  const sync = async () => {
    const matches = await granted();
    if (import.meta.env.FIREFOX) {
      const ff = (browser as unknown as FirefoxContentScripts).contentScripts;
      await firefoxRegistration?.unregister();
      firefoxRegistration =
        ff && matches.length ? await ff.register({ matches, js: [{ file: '/content-scripts/content.js' }], runAt: 'document_idle' }) : null;
      return;
    }
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] });
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
    if (matches.length) {
      await browser.scripting.registerContentScripts([
        { id: USER_SCRIPT_ID, matches, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    }
  };

  const resync = () => {
    sync().catch((error: unknown) => console.warn('[da06] could not register user hosts', error));
  };

  const start = () => {
    resync();
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && USER_HOSTS_KEY in changes) resync();
    });
    browser.permissions.onAdded?.addListener(resync);
    browser.permissions.onRemoved?.addListener(resync);
  };

  return { sync, start };
}
