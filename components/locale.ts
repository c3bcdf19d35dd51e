import type { Locale } from '@/lib/i18n';

/** The language chosen in the panel, shared by every extension page of this browser. */
export const LOCALE_KEY = 'da06.locale';

export function storedLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
}
