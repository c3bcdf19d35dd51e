import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSidePanel } from '@/services/background/side-panel';

/*
 * Issue 15, cause 5: any script on a portal page could make the background
 * open panel tabs without end (20 synthetic clicks, 20 tabs). The background
 * opens at most one panel tab per portal tab, one request at a time.
 */

const panelUrl = 'chrome-extension://test-extension-id/sidepanel.html?tab=12';
const panelTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url === panelUrl);

describe('panel-as-tab fallback, rate-limited', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // No user gesture reaches the background: Chrome refuses the side panel, the fallback runs.
    fakeBrowser.sidePanel.open = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    fakeBrowser.sidePanel.setPanelBehavior = vi.fn(async () => undefined);
    fakeBrowser.sidePanel.setOptions = vi.fn(async () => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('attack: 20 openPanel requests from one portal tab at once → 1 panel tab', async () => {
    const panel = createSidePanel();
    await Promise.all(Array.from({ length: 20 }, () => panel.open(12, 1)));
    expect(await panelTabs()).toHaveLength(1);
  });

  it('attack: openPanel requests spread over time → still 1 panel tab, brought to the front again', async () => {
    let t = 0;
    const panel = createSidePanel({ now: () => t });
    for (let i = 0; i < 20; i++) {
      t += 5000;
      await panel.open(12, 1);
    }
    expect(await panelTabs()).toHaveLength(1);
  });

  it('once its panel tab is closed, the portal tab may open one again', async () => {
    let t = 0;
    const panel = createSidePanel({ now: () => t });
    panel.start();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await panel.open(12, 1);
    const [first] = await panelTabs();
    await fakeBrowser.tabs.onRemoved.trigger(first.id!, { windowId: 1, isWindowClosing: false });
    t += 5000;
    await panel.open(12, 1);
    expect(create).toHaveBeenCalledTimes(2);
  });
});
