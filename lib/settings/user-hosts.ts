import { parseUserHosts, type UserHost } from '../hosts/user-hosts';
import { defineSetting } from './setting';

/**
 * Hosts the user enabled in Options, each with the adapter that reads it.
 * Read by the background (permissions, registered content scripts), the
 * content script (which adapter) and Options. v1: `UserHost[]` as Options has
 * always written it; entries that are not `{ host, adapterId }` are ignored.
 */
export const USER_HOSTS_SETTING_KEY = 'local:da06.userHosts' as const;

export const userHostsSetting = defineSetting<UserHost[]>(USER_HOSTS_SETTING_KEY, {
  fallback: [],
  version: 1,
  parse: (raw) => (Array.isArray(raw) ? parseUserHosts(raw) : null),
});
