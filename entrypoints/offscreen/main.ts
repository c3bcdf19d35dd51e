import { parseMessage } from '@/lib/messages';
import { messenger } from '@/lib/messages/protocol';
import { readGeneric } from '@/lib/recognize/reading';

// Chrome's service worker has no DOM: the generic reader (Readability) runs in
// this offscreen document on the sanitized snapshot the sensor sent.
messenger.onMessage('readSnapshot', ({ data }) => {
  const { html, url, adapterId } = parseMessage('readSnapshot', data);
  return readGeneric(new DOMParser().parseFromString(html, 'text/html'), url, adapterId);
});
