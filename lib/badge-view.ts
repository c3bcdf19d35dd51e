import type { BadgeView } from './badge';
import { format, STRINGS, type Locale } from './i18n';
import type { MatchSummary } from './match/bands';

/*
 * Both badges derived from one tab state: the in-page badge's view and the
 * toolbar badge's text and title. A page without a procedure has no badge;
 * a procedure with no specific item says so in words, never a bare "0".
 */

export interface ToolbarBadge {
  /** Badge text ('' = no badge). */
  text: string;
  /** The toolbar button's tooltip. */
  title: string;
}

export function inPageBadge(summary: MatchSummary | null, locale: Locale = 'vi'): BadgeView | null {
  if (!summary) return null;
  const t = STRINGS[locale];
  if (summary.specific === 0) return { count: 0, text: t.badgeNoSpecificText, label: t.badgeNoSpecificLabel };
  return { count: summary.specific, text: t.badgeText, label: format(t.badgeLabel, { count: summary.specific }) };
}

export function toolbarBadge(summary: MatchSummary | null, locale: Locale = 'vi'): ToolbarBadge {
  const t = STRINGS[locale];
  if (!summary) return { text: '', title: t.appName };
  if (summary.specific === 0) return { text: '', title: t.badgeNoSpecificLabel };
  return { text: String(summary.specific), title: format(t.badgeLabel, { count: summary.specific }) };
}
