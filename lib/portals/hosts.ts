/**
 * Hosts of the portals the content script runs on (match patterns).
 * Facts: shared/docs/portals.md — the national Public Service Portal and its
 * subdomains, and Thanh Hóa's provincial portal and service centre.
 */
export const PORTAL_HOST_PATTERNS = [
  'https://dichvucong.gov.vn/*',
  'https://*.dichvucong.gov.vn/*',
  'https://dichvucong.thanhhoa.gov.vn/*',
  'https://hcc.thanhhoa.gov.vn/*',
] as const;
