import { format, STRINGS, type Locale } from '../i18n';
import type { Tagger } from './lexicon';
import type { MatchReason } from './matcher';

/** One sentence saying why an item is listed, in the user's language. */
export function describeReason(reason: MatchReason, locale: Locale, tagger: Tagger): string {
  const t = STRINGS[locale];
  const label = (id: string) => tagger.topics.get(id)?.label[locale] ?? id;
  const quote = (words: string[]) => words.map((w) => `«${w}»`).join(', ');
  switch (reason.kind) {
    case 'topic': {
      const source = { name: t.reason_source_name, field: t.reason_source_field, reference: t.reason_source_reference }[reason.procedureSource];
      return reason.viaTopicId
        ? format(t.reason_topic_via, { topic: label(reason.topicId), via: label(reason.viaTopicId), source, procedureWords: quote(reason.procedureWords), itemWords: quote(reason.itemWords) })
        : format(t.reason_topic, { topic: label(reason.topicId), source, procedureWords: quote(reason.procedureWords), itemWords: quote(reason.itemWords) });
    }
    case 'every-filing':
      return format(t.reason_every_filing, { topic: label(reason.topicId), itemWords: quote(reason.itemWords) });
    case 'moved':
      return format(t.reason_moved_ministry, { topic: label(reason.topicId), itemWords: quote(reason.itemWords) });
    case 'text':
      return format(t.reason_text, { terms: quote(reason.terms) });
  }
}
