import { SITE_ADAPTERS } from './index';

/** Match patterns of the hosts the site adapters own: the content script's `matches`. */
export const PORTAL_HOST_PATTERNS: readonly string[] = SITE_ADAPTERS.flatMap((a) => a.hosts.map((h) => `https://${h}/*`));
