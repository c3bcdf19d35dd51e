import vi from './vi.json';
import en from './en.json';

/** UI locales, Vietnamese first. Strings live in one JSON file per locale. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Strings = typeof vi;
// The English file must have every Vietnamese key (checked here and in tests).
const english: Strings = en;

export const STRINGS: Record<Locale, Strings> = { vi, en: english };
export type StringKey = keyof Strings;

/** Fill "{name}" placeholders. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
