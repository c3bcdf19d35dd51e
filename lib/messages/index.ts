import { z } from 'zod';
import { RecognizedPageSchema } from '../recognize/schema';
import { SNAPSHOT_MAX_CHARS } from '../recognize/snapshot';
import type { BadgeView } from '../badge';
import type { MatchSummary } from '../match/bands';
import type { MessageData, MessageName } from './protocol';

/*
 * The zod schema of every message of lib/messages/protocol.ts, keyed by the
 * same names (a missing or different schema is a type error), used where a
 * message is received from a less trusted context. The content script is the
 * exception: it receives only the background's badge message and checks it by
 * hand, to stay small (see isBadgeView in lib/badge.ts).
 */

export const SnapshotSchema = z.object({
  url: z.string().url().max(2048),
  html: z.string().max(SNAPSHOT_MAX_CHARS + 100),
  adapterId: z.string().max(40).optional(),
});

export const BadgeViewSchema = z.object({
  count: z.number().int().min(0),
  text: z.string().max(120),
  label: z.string().max(300),
}) satisfies z.ZodType<BadgeView>;

type Schemas = { [K in MessageName]: z.ZodType<MessageData<K>> };

export const MESSAGE_SCHEMAS = {
  recognized: z.object({ page: RecognizedPageSchema, final: z.boolean() }),
  snapshot: SnapshotSchema,
  openPanel: z.undefined(),
  readSnapshot: SnapshotSchema,
  badge: BadgeViewSchema.nullable(),
} satisfies Schemas;

/** Validate a received message's data; throws (the sender gets the error) when it does not fit. */
export function parseMessage<K extends MessageName>(name: K, data: unknown): MessageData<K> {
  const parsed = (MESSAGE_SCHEMAS[name] as z.ZodType<MessageData<K>>).safeParse(data);
  if (!parsed.success) throw new Error(`[da06] invalid "${name}" message: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

export const MatchSummarySchema = z.object({
  specific: z.number().int().min(0),
  everyFiling: z.number().int().min(0),
}) satisfies z.ZodType<MatchSummary>;

/** One tab's state as the background keeps it in storage.session (key `tab:<id>`). */
export const TabStateSchema = z.object({
  tabId: z.number().int(),
  page: RecognizedPageSchema,
  /** Band counts of the procedure on the page; null when it shows none. */
  summary: MatchSummarySchema.nullable(),
  /** When the background received the page (ms since epoch). */
  at: z.number().int(),
});
export type TabState = z.infer<typeof TabStateSchema>;
