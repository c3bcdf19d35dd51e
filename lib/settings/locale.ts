import { LOCALES, type Locale } from '../i18n';
import { defineSetting } from './setting';

/**
 * The language chosen in the panel, shared by every extension page and context.
 * Until 2026-11 it lived in the extension pages' localStorage under the same
 * name; the first page that loads adopts it and removes the old copy.
 */
export const LOCALE_KEY = 'local:da06.locale' as const;
const LEGACY_PAGE_KEY = 'da06.locale';

export function parseLocale(raw: unknown): Locale | null {
  return (LOCALES as readonly unknown[]).includes(raw) ? (raw as Locale) : null;
}

/** Only extension pages have localStorage (the service worker has none). */
const pageStorage = (): Storage | undefined => (globalThis as { localStorage?: Storage }).localStorage;

export const localeSetting = defineSetting<Locale>(LOCALE_KEY, {
  fallback: 'vi',
  version: 1,
  parse: parseLocale,
  adopt: async () => parseLocale(pageStorage()?.getItem(LEGACY_PAGE_KEY)),
  forget: () => pageStorage()?.removeItem(LEGACY_PAGE_KEY),
});
