import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { userHostsSetting } from '../../../lib/settings/user-hosts';
import { createUserHosts, USER_SCRIPT_ID } from '../../../services/background/user-hosts';

describe('user hosts', () => {
  let registered: { id: string; matches?: string[] }[];
  beforeEach(() => {
    fakeBrowser.reset();
    registered = [];
    fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => registered as never);
    fakeBrowser.scripting.unregisterContentScripts = vi.fn(async () => void (registered = []));
    fakeBrowser.scripting.registerContentScripts = vi.fn(async (scripts) => void registered.push(...(scripts as typeof registered)));
    fakeBrowser.permissions.onAdded.addListener = vi.fn();
    fakeBrowser.permissions.onRemoved.addListener = vi.fn();
    // Only the first host was granted.
    fakeBrowser.permissions.contains = vi.fn(async (p) => p.origins?.[0] === '*://motcua.example.gov.vn/*');
  });

  it('runs the sensor on exactly the hosts the user granted, and unregisters when none is left', async () => {
    await userHostsSetting.set([
      { host: 'motcua.example.gov.vn', adapterId: 'generic' },
      { host: 'other.example.gov.vn', adapterId: 'generic' },
    ]);
    const hosts = createUserHosts();
    await hosts.sync();
    expect(registered).toEqual([expect.objectContaining({ id: USER_SCRIPT_ID, matches: ['*://motcua.example.gov.vn/*'] })]);
    await userHostsSetting.set([]);
    await hosts.sync();
    expect(registered).toEqual([]);
  });

  it('follows changes of the stored hosts', async () => {
    createUserHosts().start();
    await userHostsSetting.set([{ host: 'motcua.example.gov.vn', adapterId: 'national' }]);
    await vi.waitFor(() => expect(registered.map((r) => r.matches)).toEqual([['*://motcua.example.gov.vn/*']]));
  });
});
