import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MatchSummary } from '../../../lib/match/bands';
import type { RecognizedPage } from '../../../lib/recognize/page';
import { createTabStates } from '../../../services/background/tab-states';
import { readTabState, tabStateKey, watchTabStates } from '../../../services/tab-state';
import { page } from './helpers';


const DETAIL = page('https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1', { code: '1.001193', name: 'Đăng ký khai sinh' });
const LIST = page('https://dichvucong.gov.vn/p/home/list.html', null, 'procedure-list');
const count = async (p: RecognizedPage): Promise<MatchSummary | null> => (p.procedure ? { specific: 23, everyFiling: 70 } : null);

describe('tab states in storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the page with its summary where the panel reads it, and survives a new background', async () => {
    await createTabStates({ summarize: count, now: () => 1000 }).record(7, DETAIL);
    // A fresh reader (as after a worker restart) sees the same state.
    expect(await readTabState(7)).toEqual({ tabId: 7, page: DETAIL, summary: { specific: 23, everyFiling: 70 }, at: 1000 });
    const raw = await fakeBrowser.storage.session.get(tabStateKey(7));
    expect(raw[tabStateKey(7)]).toBeDefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a list page replaces the procedure and carries no summary', async () => {
    const states = createTabStates({ summarize: count });
    await states.record(7, DETAIL);
    await states.record(7, LIST);
    expect((await readTabState(7))?.summary).toBeNull();
    expect((await readTabState(7))?.page.pageKind).toBe('procedure-list');
  });

  it('tells watchers about every change, removal included', async () => {
    const seen: [number, number | null | undefined][] = [];
    const stop = watchTabStates((tabId, state) => seen.push([tabId, state === null ? null : state.summary?.specific]));
    const states = createTabStates({ summarize: count });
    await states.record(3, DETAIL);
    await states.record(3, LIST);
    await states.forget(3);
    stop();
    await states.record(3, DETAIL);
    expect(seen).toEqual([[3, 23], [3, undefined], [3, null]]);
  });

  it('writes one tab in order even when the first summary is slow', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const states = createTabStates({
      summarize: async (p) => {
        if (p === DETAIL) await gate;
        return count(p);
      },
    });
    const first = states.record(5, DETAIL);
    const second = states.record(5, LIST);
    release();
    await Promise.all([first, second]);
    expect((await readTabState(5))?.page.pageKind).toBe('procedure-list');
  });

  it('forgets a tab when it closes, and when it goes to another site but not on in-page navigation', async () => {
    const states = createTabStates({ summarize: count });
    states.start();
    await states.record(1, DETAIL);
    await states.record(2, DETAIL);
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    // history.pushState on the same site: Chrome says "loading" too; the sensor reports the new page itself.
    await fakeBrowser.tabs.onUpdated.trigger(2, { status: 'loading', url: 'https://dichvucong.gov.vn/p/home/other.html' }, {} as never);
    await new Promise((r) => setTimeout(r, 10));
    expect(await readTabState(1)).toBeNull();
    expect(await readTabState(2)).not.toBeNull();
    await fakeBrowser.tabs.onUpdated.trigger(2, { status: 'loading', url: 'https://example.org/' }, {} as never);
    await new Promise((r) => setTimeout(r, 10));
    expect(await readTabState(2)).toBeNull();
  });

  it('ignores what does not fit the schema', async () => {
    await fakeBrowser.storage.session.set({ [tabStateKey(9)]: { tabId: 9, page: { url: 42 } } });
    expect(await readTabState(9)).toBeNull();
  });
});
