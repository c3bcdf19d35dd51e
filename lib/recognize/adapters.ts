import type { SiteAdapter, UrlMatch } from '../adapters/kit/adapter';
import type { RecognizedPage } from '../adapters/kit/page';
import { SITE_ADAPTERS } from '../adapters/registry';

/*
 * Recognition orchestration over the site adapters (lib/adapters/<id>/):
 * which adapter may answer for an address, in which order. Adapters never
 * import this module.
 */

export { SITE_ADAPTERS };

export function adapterById(id: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.id === id);
}

export interface Candidate {
  adapter: SiteAdapter;
  match: UrlMatch;
}

/**
 * The adapters that claim an address, in the order they are tried: the
 * adapter chosen for a user-added host (`adapterId`), else the host's own
 * adapters; then, on hosts no adapter owns, the any-host readers (hand-off
 * codes). "generic" skips to the any-host readers.
 */
export function candidatesFor(url: URL, adapterId?: string): Candidate[] {
  const host = url.hostname.toLowerCase();
  const first =
    adapterId && adapterId !== 'generic'
      ? SITE_ADAPTERS.filter((a) => a.id === adapterId)
      : adapterId === 'generic'
        ? []
        : SITE_ADAPTERS.filter((a) => a.hosts.includes(host));
  // Any-host readers answer only where no adapter owns the host (or after the chosen one).
  const owned = SITE_ADAPTERS.some((a) => a.hosts.includes(host));
  const rest = owned && !adapterId ? [] : SITE_ADAPTERS.filter((a) => a.anyHost && !first.includes(a));
  const out: Candidate[] = [];
  for (const adapter of [...first, ...rest]) {
    const match = adapter.matchUrl(url);
    if (match) out.push({ adapter, match });
  }
  return out;
}

function parse(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/**
 * Run the site adapters on a live or parsed document. Returns null when no
 * adapter is sure: the caller may try the generic reader.
 */
export function recognizeWithAdapters(doc: Document, href: string, adapterId?: string): RecognizedPage | null {
  const url = parse(href);
  if (!url) return null;
  for (const { adapter, match } of candidatesFor(url, adapterId)) {
    const page = adapter.readDom(doc, url, match);
    if (page) return page;
  }
  return null;
}

/** Whether the screen at this address changes without a URL change (keep watching it). */
export function keepsWatching(href: string, adapterId?: string): boolean {
  const url = parse(href);
  return url ? candidatesFor(url, adapterId).some((c) => c.adapter.keepWatching) : false;
}
