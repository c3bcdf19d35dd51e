import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BadgeView } from '../../../lib/badge';
import type { MatchSummary } from '../../../lib/match/bands';
import type { TabState } from '../../../lib/messages';
import { createBadges } from '../../../services/background/badges';
import { createTabStates } from '../../../services/background/tab-states';
import { page } from './helpers';

const DETAIL = page('https://dichvucong.gov.vn/a?ma_thu_tuc=1', { code: '1.001193', name: 'Đăng ký khai sinh' });
const state = (summary: MatchSummary | null): TabState => ({ tabId: 4, page: DETAIL, summary, at: 1 });

describe('badges follow the tab state', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the specific count on the toolbar and in the page', async () => {
    const sendToTab = vi.fn(async (_tabId: number, _view: BadgeView | null) => undefined);
    await createBadges({ sendToTab }).apply(4, state({ specific: 23, everyFiling: 70 }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('23');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Đề án 06: 23 mục cho thủ tục này');
    expect(sendToTab).toHaveBeenCalledWith(4, { count: 23, text: 'Đề án 06', label: 'Đề án 06: 23 mục cho thủ tục này' });
  });

  it('a procedure with no specific item says so in words, never a bare 0', async () => {
    const sendToTab = vi.fn(async (_tabId: number, _view: BadgeView | null) => undefined);
    await createBadges({ sendToTab }).apply(4, state({ specific: 0, everyFiling: 70 }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toContain('không có mục riêng');
    const view = sendToTab.mock.calls[0][1]!;
    expect(view.text).toBe('Đề án 06: không có mục riêng');
    expect(view.count).toBe(0);
  });

  it('clears both badges when the page shows no procedure, or the state is gone', async () => {
    const sendToTab = vi.fn(async (_tabId: number, _view: BadgeView | null) => undefined);
    const badges = createBadges({ sendToTab });
    await badges.apply(4, state({ specific: 23, everyFiling: 70 }));
    await badges.apply(4, state(null));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(sendToTab).toHaveBeenLastCalledWith(4, null);
    await badges.apply(4, state({ specific: 23, everyFiling: 70 }));
    await badges.apply(4, null);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Trợ lý Đề án 06');
  });

  it('once started, every write of the tab state updates both badges', async () => {
    const sent: (BadgeView | null)[] = [];
    const stop = createBadges({ sendToTab: async (_id, view) => void sent.push(view) }).start();
    const [a, b] = ['https://dichvucong.gov.vn/a', 'https://dichvucong.gov.vn/b'];
    const summaries: Record<string, MatchSummary | null> = { [a]: { specific: 5, everyFiling: 1 }, [b]: null };
    const states = createTabStates({ summarize: async (p) => summaries[p.url] ?? null });
    await states.record(8, { ...DETAIL, url: a });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('5'));
    await states.record(8, { ...DETAIL, url: b });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe(''));
    expect(sent.map((v) => v?.count ?? null)).toEqual([5, null]);
    stop();
  });

  it('a tab that refuses the message (closed, no content script) does not stop the toolbar badge', async () => {
    await createBadges({ sendToTab: () => Promise.reject(new Error('no receiver')) }).apply(4, state({ specific: 2, everyFiling: 0 }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('2');
  });
});
