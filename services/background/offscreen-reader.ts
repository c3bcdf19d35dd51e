import { browser } from 'wxt/browser';
import { z } from 'zod';
import { messenger, type GenericReading, type SnapshotData } from '@/lib/messages/protocol';
import { RecognizedPageSchema } from '@/lib/recognize/schema';

/*
 * Chrome: the service worker has no DOM, so the generic reader (Readability)
 * runs in an offscreen document, created on first need.
 */

export interface SnapshotReader {
  read(snapshot: SnapshotData): Promise<GenericReading>;
}

const GenericReadingSchema = z.object({ page: RecognizedPageSchema, title: z.string().max(300).optional() }).strict() satisfies z.ZodType<GenericReading>;

export function createOffscreenReader(send: (snapshot: SnapshotData) => Promise<unknown> = (s) => messenger.sendMessage('readSnapshot', s)): SnapshotReader {
  let ready: Promise<void> | null = null;
  const ensure = () => {
    ready ??= (async () => {
      if (await browser.offscreen.hasDocument()) return;
      await browser.offscreen.createDocument({
        url: 'offscreen.html',
        reasons: ['DOM_PARSER'],
        justification: 'Read a sanitized copy of a procedure page that no site adapter recognizes.',
      });
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  return {
    async read(snapshot) {
      await ensure();
      // The offscreen document's answer is checked like any other message.
      return GenericReadingSchema.parse(await send(snapshot));
    },
  };
}
