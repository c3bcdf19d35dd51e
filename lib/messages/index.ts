import { z } from 'zod';
import { RecognizedPageSchema } from '../recognize/schema';
import { SNAPSHOT_MAX_CHARS } from '../recognize/snapshot';

/*
 * Messages between the content-script sensor, the background, the offscreen
 * document and the panel. Everything crossing a context boundary is validated
 * here (the sensor itself carries no zod, to stay small).
 */

export const RecognizedMessageSchema = z.object({
  type: z.literal('recognized'),
  page: RecognizedPageSchema,
  final: z.boolean(),
});

export const SnapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  url: z.string().url().max(2048),
  html: z.string().max(SNAPSHOT_MAX_CHARS + 100),
  adapterId: z.string().max(40).optional(),
});

export const GetTabStateSchema = z.object({
  type: z.literal('get-tab-state'),
  tabId: z.number().int().optional(),
});

/** Content script → background: the user clicked the in-page badge. */
export const OpenPanelSchema = z.object({ type: z.literal('open-panel') });

export const MessageSchema = z.discriminatedUnion('type', [RecognizedMessageSchema, SnapshotMessageSchema, GetTabStateSchema, OpenPanelSchema]);
export type Message = z.infer<typeof MessageSchema>;

export const TabStateSchema = z.object({
  tabId: z.number().int(),
  page: RecognizedPageSchema,
  /** When the background received it (ms since epoch). */
  at: z.number().int(),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Sent by the background to extension pages when a tab's state changes. */
export const TabChangedSchema = z.object({ type: z.literal('tab-state-changed'), tabId: z.number().int() });

/** Background → offscreen document: run the generic reader on a snapshot. */
export const OffscreenRequestSchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('recognize-snapshot'),
  url: z.string(),
  html: z.string(),
  adapterId: z.string().optional(),
});

/** Background → content script: show the in-page badge (checked by hand there, no zod). */
export interface BadgeMessage {
  type: 'da06-badge';
  count: number;
  label: string;
}
