import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSidePanel } from '../../../services/background/side-panel';
import { createTabStates } from '../../../services/background/tab-states';
import { page } from './helpers';

describe('side panel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.sidePanel.setPanelBehavior = vi.fn(async () => undefined);
    fakeBrowser.sidePanel.setOptions = vi.fn(async () => undefined);
  });

  it('opens Chrome\'s side panel for the tab', async () => {
    const open = vi.fn(async () => undefined);
    fakeBrowser.sidePanel.open = open;
    await createSidePanel().open(12, 1);
    expect(open).toHaveBeenCalledWith({ tabId: 12 });
  });

  it('opens the panel as a tab pinned to the page when the browser refuses (no user gesture)', async () => {
    fakeBrowser.sidePanel.open = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await createSidePanel().open(12, 1);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/sidepanel.html?tab=12');
  });

  it('gives a tab its own panel once a procedure is recognized there, not for a list', async () => {
    const stop = createSidePanel().start();
    expect(fakeBrowser.sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    const states = createTabStates({ summarize: async (p) => (p.procedure ? { specific: 1, everyFiling: 0 } : null) });
    await states.record(3, page('https://dichvucong.gov.vn/list', null, 'procedure-list'));
    await states.record(4, page('https://dichvucong.gov.vn/a', { name: 'Đăng ký khai sinh' }));
    await vi.waitFor(() => expect(fakeBrowser.sidePanel.setOptions).toHaveBeenCalledTimes(1));
    expect(fakeBrowser.sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 4, path: 'sidepanel.html?tab=4', enabled: true });
    stop();
  });
});
