import { z } from 'zod';

/*
 * Messages between the content-script sensor, the background and the panel.
 * Everything crossing a context boundary is validated; the sensor sends only
 * the page address and title — never form values or citizens' data.
 */

export const PageSeenSchema = z.object({
  type: z.literal('page-seen'),
  url: z.string().url().max(2048),
  title: z.string().max(300),
  at: z.number().int().nonnegative(),
});
export type PageSeen = z.infer<typeof PageSeenSchema>;

export const GetTabStateSchema = z.object({
  type: z.literal('get-tab-state'),
  tabId: z.number().int().optional(),
});

export const TabStateSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  at: z.number().int(),
});
export type TabState = z.infer<typeof TabStateSchema>;

export const MessageSchema = z.discriminatedUnion('type', [PageSeenSchema, GetTabStateSchema]);
export type Message = z.infer<typeof MessageSchema>;
