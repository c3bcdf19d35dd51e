/*
 * Hosts the user enabled in Options (e.g. a renamed provincial system), each
 * read by a chosen adapter or by the generic reader. Stored in
 * browser.storage.local under USER_HOSTS_KEY. Plain TS (the content script
 * reads it); validation of user input lives here too.
 */

export const USER_HOSTS_KEY = 'da06.userHosts';

export interface UserHost {
  host: string;
  adapterId: string;
}

/** "https://Motcua.ThanhHoa.gov.vn/abc" or "motcua.thanhhoa.gov.vn" → "motcua.thanhhoa.gov.vn". */
export function normalizeHost(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z]+:\/\//.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname;
  // A real host name with a dot; no IPs with ports confusion, no wildcards.
  if (!/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/.test(host)) return null;
  return host;
}

export function matchPatternFor(host: string): string {
  return `*://${host}/*`;
}

export function parseUserHosts(raw: unknown): UserHost[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (h): h is UserHost =>
      typeof h === 'object' && h !== null && typeof (h as UserHost).host === 'string' && typeof (h as UserHost).adapterId === 'string',
  );
}
