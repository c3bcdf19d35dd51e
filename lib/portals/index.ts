import type { SiteAdapter } from '../recognize/adapter';
import type { RecognizedPage } from '../recognize/page';
import { nationalAdapter } from './national';
import { nationalCsdlAdapter } from './national-csdl';
import { thanhhoaMotcuaAdapter } from './thanhhoa-motcua';
import { thanhhoaPortalAdapter } from './thanhhoa-portal';

/** Site adapters, one file each. Adding a portal = one file here plus fixtures. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  nationalAdapter,
  nationalCsdlAdapter,
  thanhhoaPortalAdapter,
  thanhhoaMotcuaAdapter,
];

export function adapterById(id: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.id === id);
}

/**
 * Run the site adapters on a live or parsed document. `adapterId` forces one
 * adapter (a user-added host mapped to it in Options); the URL stage then
 * ignores the host. Returns null when no adapter is sure: the caller may try
 * the generic reader.
 */
export function recognizeWithAdapters(doc: Document, href: string, adapterId?: string): RecognizedPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const candidates = adapterId ? SITE_ADAPTERS.filter((a) => a.id === adapterId) : SITE_ADAPTERS;
  for (const adapter of candidates) {
    const probe = adapterId ? new URL(url.pathname + url.search + url.hash, `https://${adapter.hosts[0]}`) : url;
    const match = adapter.matchUrl(probe);
    if (!match) continue;
    const page = adapter.readDom(doc, url, match);
    if (page) return page;
  }
  return null;
}
