import { describe, expect, test, vi } from 'vitest';
import { sidebarFromToolbar, type FirefoxToolbarApi } from '../../services/background/firefox-toolbar';

function fakeFirefox() {
  const listeners = new Set<() => void>();
  const toggle = vi.fn(async () => undefined);
  const api: FirefoxToolbarApi = {
    browserAction: { onClicked: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) } },
    sidebarAction: { toggle },
  };
  const click = () => listeners.forEach((l) => l());
  return { api, toggle, click, listeners };
}

describe('Firefox toolbar button', () => {
  test('toggles the sidebar inside the click handler itself (the user action Firefox requires)', () => {
    const { api, toggle, click } = fakeFirefox();
    sidebarFromToolbar(api);
    expect(toggle).not.toHaveBeenCalled();
    click();
    // Synchronously, before any await: later, Firefox would refuse.
    expect(toggle).toHaveBeenCalledTimes(1);
    click();
    expect(toggle).toHaveBeenCalledTimes(2);
  });

  test('a refused toggle is reported, not thrown, and unwiring stops it', async () => {
    const { api, toggle, click, listeners } = fakeFirefox();
    toggle.mockRejectedValueOnce(new Error('sidebarAction.toggle may only be called from a user input handler'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = sidebarFromToolbar(api);
    click();
    await Promise.resolve();
    await Promise.resolve();
    expect(warn).toHaveBeenCalledWith('[da06] could not open the sidebar', expect.any(Error));
    stop();
    expect(listeners.size).toBe(0);
    warn.mockRestore();
  });
});
