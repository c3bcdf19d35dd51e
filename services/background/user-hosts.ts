import { browser } from 'wxt/browser';
import { matchPatternFor } from '@/lib/hosts/user-hosts';
import { userHostsSetting } from '@/lib/settings/user-hosts';

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
    const patterns: string[] = [];
    for (const h of await userHostsSetting.get()) {
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
    userHostsSetting.watch(resync);
    browser.permissions.onAdded?.addListener(resync);
    browser.permissions.onRemoved?.addListener(resync);
  };

  return { sync, start };
}
