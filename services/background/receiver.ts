import type { Browser } from 'wxt/browser';
import { MESSAGE_SCHEMAS } from '@/lib/messages';
import type { RecognizedPage } from '@/lib/recognize/page';
import { unreadablePage } from '@/lib/recognize/url';
import type { SnapshotReader } from './offscreen-reader';
import type { TabStates } from './tab-states';

/*
 * What the content script reports, checked and turned into the tab state.
 * Nothing is dropped silently: a message that fails validation (an address
 * over 2,048 characters, an over-long field, anything unexpected) and a page
 * the generic reader could not read are recorded as an unreadable page, so
 * the previous page's procedure never stays in place (ticks would go to the
 * wrong filing). The generic reader's title candidate becomes the procedure's
 * name only when it is a known procedure's name, and then the official one.
 */

export interface ReceiverOptions {
  tabStates: Pick<TabStates, 'record'>;
  reader: () => Promise<SnapshotReader>;
  knownName(title: string, hints: { code?: string; field?: string; level?: string }): Promise<string | undefined>;
}

type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'url'>;

/** Which field failed and by which rule — never the value (it may be anything the page chose). */
function reasonOf(name: string, error: { issues: { path: PropertyKey[]; code: string }[] }): string {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String).join('.').slice(0, 80) : '';
  return `${name}: invalid ${path || 'message'} (${issue?.code ?? 'unknown'})`;
}

export function createReceiver({ tabStates, reader, knownName }: ReceiverOptions) {
  const recognized = async (data: unknown, sender: Sender): Promise<void> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const parsed = MESSAGE_SCHEMAS.recognized.safeParse(data);
    await tabStates.record(tabId, parsed.success ? parsed.data.page : unreadablePage(sender.url, reasonOf('recognized', parsed.error)));
  };

  const named = async (page: RecognizedPage, title: string | undefined): Promise<RecognizedPage> => {
    const p = page.procedure;
    if (!title || !p || p.name) return page;
    const known = await knownName(title, { code: p.code, field: p.field, level: p.level }).catch(() => undefined);
    if (!known) return page;
    return {
      ...page,
      procedure: { ...p, name: known.slice(0, 300) },
      evidence: { ...page.evidence, landmarks: [...page.evidence.landmarks, 'readability:title=known procedure'].slice(0, 60) },
    };
  };

  const snapshot = async (data: unknown, sender: Sender): Promise<{ ok: boolean }> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false };
    const parsed = MESSAGE_SCHEMAS.snapshot.safeParse(data);
    if (!parsed.success) {
      await tabStates.record(tabId, unreadablePage(sender.url, reasonOf('snapshot', parsed.error)));
      return { ok: false };
    }
    let reading;
    try {
      reading = await (await reader()).read(parsed.data);
    } catch (error) {
      console.warn('[da06] generic reader failed', error);
      await tabStates.record(tabId, unreadablePage(parsed.data.url, 'snapshot: the generic reader failed'));
      return { ok: false };
    }
    await tabStates.record(tabId, await named(reading.page, reading.title));
    return { ok: true };
  };

  return { recognized, snapshot };
}
