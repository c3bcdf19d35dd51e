import { recognizeWithAdapters } from '../portals/index';
import { unknownPage, type RecognizedPage } from './page';
import { sanitizedSnapshot } from './snapshot';

/*
 * The content-script sensor, without browser APIs (they are passed in), so it
 * can be tested against a DOM library. On every address it recognizes the page
 * with the site adapters; when the key content is missing it watches the DOM
 * for a bounded time and disconnects on success or timeout. When no adapter is
 * sure, it hands a sanitized snapshot to the extension for the generic reader.
 */

export type SensorMessage =
  | { type: 'recognized'; page: RecognizedPage; final: boolean }
  | { type: 'snapshot'; url: string; html: string; adapterId?: string };

export interface SensorOptions {
  doc: Document;
  href: () => string;
  send: (message: SensorMessage) => void;
  /** Adapter chosen in Options for a user-added host ("generic" skips the site adapters). */
  adapterId?: string;
  /** How long to wait for late content. */
  timeoutMs?: number;
  /** How often to check the address for in-page navigation. */
  pollMs?: number;
  MutationObserverImpl?: typeof MutationObserver;
  setTimeoutImpl?: typeof setTimeout;
}

/** Good enough to stop watching: a list, or a procedure with both name and code. */
export function isComplete(page: RecognizedPage | null): boolean {
  if (!page) return false;
  if (page.pageKind === 'procedure-list') return true;
  if (page.pageKind === 'dossier') return Boolean(page.dossierCode && (page.procedure?.code || page.procedure?.name));
  if (page.pageKind === 'unknown') return false;
  return Boolean(page.procedure?.code && page.procedure?.name);
}

function same(a: RecognizedPage | null, b: RecognizedPage | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function startSensor(options: SensorOptions): { stop(): void; rescan(): void } {
  const timeoutMs = options.timeoutMs ?? 8000;
  const pollMs = options.pollMs ?? 400;
  const Observer = options.MutationObserverImpl ?? globalThis.MutationObserver;
  const later = options.setTimeoutImpl ?? globalThis.setTimeout;
  let observer: MutationObserver | null = null;
  let deadline: ReturnType<typeof setTimeout> | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let lastSent: RecognizedPage | null = null;
  let currentHref = '';
  let stopped = false;

  const recognize = (): RecognizedPage | null =>
    options.adapterId === 'generic' ? null : recognizeWithAdapters(options.doc, currentHref, options.adapterId);

  const send = (page: RecognizedPage, final: boolean) => {
    if (!final && same(page, lastSent)) return;
    lastSent = page;
    options.send({ type: 'recognized', page, final });
  };

  const finish = () => {
    observer?.disconnect();
    observer = null;
    if (deadline) clearTimeout(deadline);
    if (pending) clearTimeout(pending);
    deadline = pending = null;
  };

  const handOver = () => {
    options.send({
      type: 'snapshot',
      url: currentHref,
      html: sanitizedSnapshot(options.doc),
      ...(options.adapterId ? { adapterId: options.adapterId } : {}),
    });
  };

  const scan = (final: boolean) => {
    const page = recognize();
    if (page) send(page, final || isComplete(page));
    if (isComplete(page)) {
      finish();
      return;
    }
    if (final) {
      finish();
      if (!page) handOver();
    }
  };

  const begin = () => {
    finish();
    currentHref = options.href();
    lastSent = null;
    const page = recognize();
    if (isComplete(page)) {
      send(page!, true);
      return;
    }
    if (page) send(page, false);
    // Watch for late content, bounded in time.
    if (Observer && options.doc.body) {
      observer = new Observer(() => {
        if (pending) return;
        pending = later(() => {
          pending = null;
          scan(false);
        }, 120);
      });
      observer.observe(options.doc.body, { childList: true, subtree: true, characterData: true });
    }
    deadline = later(() => scan(true), timeoutMs);
  };

  const poll = setInterval(() => {
    if (!stopped && options.href() !== currentHref) begin();
  }, pollMs);

  begin();
  return {
    stop() {
      stopped = true;
      clearInterval(poll);
      finish();
    },
    rescan() {
      begin();
    },
  };
}

export { unknownPage };
