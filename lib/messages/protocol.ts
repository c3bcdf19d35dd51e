import { defineExtensionMessaging } from '@webext-core/messaging';
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

export interface ProtocolMap {
  recognized(data: RecognizedData): void;
  snapshot(data: SnapshotData): { ok: boolean };
  openPanel(): void;
  readSnapshot(data: SnapshotData): RecognizedPage;
  /** Show or update the in-page badge; null removes it. */
  badge(data: BadgeView | null): void;
}

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageAnswer<K extends MessageName> = ReturnType<ProtocolMap[K]>;

export const messenger = defineExtensionMessaging<ProtocolMap>();
