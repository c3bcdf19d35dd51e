import { browser, type Browser } from 'wxt/browser';
import type { BadgeView } from '../badge';
import type { RecognizedPage } from '../recognize/page';

/*
 * The one protocol between the extension's contexts: message name → data and
 * answer. Every sender and receiver goes through `messenger`, so a name, a
 * payload or an answer that does not fit is a type error. Plain types only
 * (this module ships in the content script); the receivers validate the data
 * with the zod schemas of lib/messages/index.ts.
 *
 *   content script → background: recognized, snapshot, openPanel
 *   background → offscreen document (Chrome): readSnapshot
 *   background → content script: badge
 *
 * The panel and the options page send nothing: they read and watch storage
 * (the tab state in storage.session, settings in storage.local).
 */

/** The sensor's result for the page at its current address. */
export interface RecognizedData {
  page: RecognizedPage;
  /** The sensor stopped watching (complete, or timed out). */
  final: boolean;
}

/** A sanitized copy of a page no site adapter recognized, for the generic reader. */
export interface SnapshotData {
  url: string;
  html: string;
  adapterId?: string;
}

/**
 * The generic reader's answer: the page, and apart from it the title it would
 * name the procedure after. The background keeps that title only when it is a
 * known procedure's name (then its official name); it is never stored.
 */
export interface GenericReading {
  page: RecognizedPage;
  title?: string;
}

export interface ProtocolMap {
  recognized(data: RecognizedData): void;
  snapshot(data: SnapshotData): { ok: boolean };
  openPanel(): void;
  readSnapshot(data: SnapshotData): GenericReading;
  /** Show or update the in-page badge; null removes it. */
  badge(data: BadgeView | null): void;
}

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageAnswer<K extends MessageName> = ReturnType<ProtocolMap[K]>;

/** What travels: the message name under our own key, so other extensions' or the page's messages never match. */
interface Envelope {
  da06: MessageName;
  data?: unknown;
}
/** What comes back: the handler's answer, or its error as text. */
type Reply = { res: unknown } | { err: string };

type Handler<K extends MessageName> = (message: {
  data: MessageData<K>;
  sender: Browser.runtime.MessageSender;
}) => MessageAnswer<K> | Promise<MessageAnswer<K>>;

function isEnvelope(raw: unknown): raw is Envelope {
  return typeof raw === 'object' && raw !== null && typeof (raw as Envelope).da06 === 'string';
}

/**
 * Send `name` to the background and extension pages, or to a tab's content
 * script when `tabId` is given. Rejects when nobody answers or the handler threw.
 */
async function sendMessage<K extends MessageName>(
  name: K,
  ...[data, tabId]: MessageData<K> extends undefined ? [data?: undefined, tabId?: number] : [data: MessageData<K>, tabId?: number]
): Promise<Awaited<MessageAnswer<K>>> {
  const envelope: Envelope = { da06: name, data };
  const reply = (await (tabId === undefined ? browser.runtime.sendMessage(envelope) : browser.tabs.sendMessage(tabId, envelope))) as Reply | undefined;
  if (!reply) throw new Error(`da06: no receiver for "${name}"`);
  if ('err' in reply) throw new Error(reply.err);
  return reply.res as Awaited<MessageAnswer<K>>;
}

/** Answer `name` in this context; returns a function that stops listening. */
function onMessage<K extends MessageName>(name: K, handler: Handler<K>): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(raw) || raw.da06 !== name) return undefined;
    Promise.resolve()
      .then(() => handler({ data: raw.data as MessageData<K>, sender }))
      .then(
        (res) => sendResponse({ res }),
        (error: unknown) => sendResponse({ err: error instanceof Error ? error.message : String(error) }),
      );
    // Keep the channel open for the asynchronous answer (Chrome and Firefox alike).
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const messenger = { sendMessage, onMessage };
