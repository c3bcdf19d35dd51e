import { z } from 'zod';
import { accentKey, comparisonKey, hasDiacritics, nfc } from '../text/normalize';

/**
 * The reviewed topic lexicon (seeds/topics.json) compiled into a tagger that
 * reads catalog items and procedures the same way.
 */

export const TOPIC_BANDS = ['specific', 'every-filing', 'general'] as const;
export type TopicBand = (typeof TOPIC_BANDS)[number];

const TermSchema = z.union([z.string().min(2), z.array(z.string().min(2)).min(2)]);

export const TopicSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  band: z.enum(TOPIC_BANDS),
  parent: z.string().optional(),
  label: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  terms: z.array(TermSchema).min(1),
  abbreviations: z.array(z.string().min(2)).default([]),
  notWithin: z.array(z.string().min(3)).default([]),
  unlessTopics: z.array(z.string()).default([]),
  /** Seed items that must carry this topic; tests hold the tagger to them. */
  evidence: z.array(z.string()),
});
export type Topic = z.infer<typeof TopicSchema>;

export const LexiconSchema = z
  .object({
    version: z.literal(1),
    topics: z.array(TopicSchema).min(1),
    /** Items left out of the every-filing band on review, each with its reason. */
    everyFilingOut: z.array(z.object({ ref: z.string(), reason: z.string().min(1) })).default([]),
  })
  .superRefine((lex, ctx) => {
    const ids = new Set<string>();
    for (const t of lex.topics) {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate topic id ${t.id}` });
      ids.add(t.id);
    }
    for (const t of lex.topics) {
      for (const other of [t.parent, ...t.unlessTopics]) {
        if (other && !ids.has(other)) ctx.addIssue({ code: 'custom', message: `topic ${t.id} refers to unknown topic ${other}` });
      }
    }
  });
export type Lexicon = z.infer<typeof LexiconSchema>;

/** One topic found in a text, with the lexicon words that matched. */
export interface TopicHit {
  topicId: string;
  words: string[];
}

interface CompiledTerm {
  /** Keys that must all occur, padded with spaces for whole-word search. */
  keys: string[];
  display: string;
}
interface CompiledTopic {
  topic: Topic;
  accent: { terms: CompiledTerm[]; masks: string[] };
  folded: { terms: CompiledTerm[]; masks: string[] };
  abbreviations: { token: string; key: string; display: string }[];
}

/** Words of the text with their case kept, one space apart: abbreviations are matched here. */
function caseKey(text: string): string {
  return nfc(text).replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
}

function compileTerms(terms: Topic['terms'], keyOf: (s: string) => string): CompiledTerm[] {
  const seen = new Set<string>();
  const out: CompiledTerm[] = [];
  for (const term of terms) {
    const parts = typeof term === 'string' ? [term] : term;
    const keys = parts.map((p) => ` ${keyOf(p)} `);
    // "số hoá" and "số hóa" compile to one key; report the word once.
    if (seen.has(keys.join('|'))) continue;
    seen.add(keys.join('|'));
    out.push({ keys, display: parts.join(' + ') });
  }
  return out;
}

export interface Tagger {
  readonly topics: ReadonlyMap<string, Topic>;
  /** Topics found in the text. Unaccented text is matched on folded forms. */
  tag(text: string): TopicHit[];
  /** The topic and its parents, nearest first. */
  lineage(topicId: string): string[];
}

export function compileLexicon(lexicon: Lexicon): Tagger {
  const topics = new Map(lexicon.topics.map((t) => [t.id, t]));
  const compiled: CompiledTopic[] = lexicon.topics.map((topic) => ({
    topic,
    accent: {
      terms: compileTerms(topic.terms, accentKey),
      masks: topic.notWithin.map((m) => ` ${accentKey(m)} `),
    },
    folded: {
      terms: compileTerms(topic.terms, comparisonKey),
      masks: topic.notWithin.map((m) => ` ${comparisonKey(m)} `),
    },
    abbreviations: topic.abbreviations.map((a) => ({ token: ` ${caseKey(a)} `, key: ` ${accentKey(a)} `, display: a })),
  }));

  function tag(text: string): TopicHit[] {
    const source = nfc(text);
    const folded = !hasDiacritics(source);
    const base = ` ${folded ? comparisonKey(source) : accentKey(source)} `;
    const tokens = ` ${caseKey(source)} `;
    const found = new Map<string, string[]>();
    for (const c of compiled) {
      const mode = folded ? c.folded : c.accent;
      let hay = base;
      for (const mask of mode.masks) if (hay.includes(mask)) hay = hay.split(mask).join(' ~ ');
      const words: string[] = [];
      for (const term of mode.terms) {
        if (term.keys.every((k) => hay.includes(k))) words.push(term.display);
      }
      for (const abbr of c.abbreviations) {
        // Case-sensitive in the original, and not inside a masked phrase.
        if (tokens.includes(abbr.token) && (folded || hay.includes(abbr.key))) words.push(abbr.display);
      }
      if (words.length > 0) found.set(c.topic.id, words);
    }
    for (const id of [...found.keys()]) {
      const unless = topics.get(id)?.unlessTopics ?? [];
      if (unless.some((u) => found.has(u))) found.delete(id);
    }
    return [...found].map(([topicId, words]) => ({ topicId, words }));
  }

  function lineage(topicId: string): string[] {
    const out: string[] = [];
    let id: string | undefined = topicId;
    while (id && !out.includes(id)) {
      out.push(id);
      id = topics.get(id)?.parent;
    }
    return out;
  }

  return { topics, tag, lineage };
}
