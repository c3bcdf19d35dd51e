import { SITE_ADAPTERS } from './registry';

/** Match patterns of the hosts the site adapters own: the content script's `matches`. */
export const PORTAL_HOST_PATTERNS: readonly string[] = SITE_ADAPTERS.flatMap((a) => a.hosts.map((h) => `https://${h}/*`));

/** Ready-made hosts offered in Options (runtime permission), with the adapter that reads them. */
export const SUGGESTED_HOSTS: readonly { host: string; adapterId: string }[] = SITE_ADAPTERS.flatMap((a) =>
  (a.suggestedHosts ?? []).map((host) => ({ host, adapterId: a.id })),
);
