import { browser } from 'wxt/browser';
import { recognizePage } from '@/lib/recognize';
import { OffscreenRequestSchema } from '@/lib/messages';

// Chrome's service worker has no DOM: the generic reader (Readability) runs in
// this offscreen document on the sanitized snapshot the sensor sent.
browser.runtime.onMessage.addListener((raw) => {
  const parsed = OffscreenRequestSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { html, url, adapterId } = parsed.data;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Promise.resolve(recognizePage(doc, url, { adapterId }));
});
