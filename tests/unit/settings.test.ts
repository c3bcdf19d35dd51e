import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/*
 * Settings in extension storage (WXT storage items on WXT's fake browser).
 * Storage items migrate when their module loads, so each test writes what an
 * older version of the extension left behind, then loads the settings afresh.
 */

async function loadSettings() {
  vi.resetModules();
  return import('../../lib/settings');
}

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.unstubAllGlobals();
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
});

describe('profile', () => {
  it('reads as the empty profile when nothing is stored, and writes nothing', async () => {
    const { profileSetting, EMPTY_PROFILE } = await loadSettings();
    expect(profileSetting.current()).toBeUndefined();
    expect(await profileSetting.get()).toEqual(EMPTY_PROFILE);
    expect(profileSetting.current()).toEqual(EMPTY_PROFILE);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('migrates the profile as Options stored it until now (v1: no version, fields missing) to a complete v2 profile', async () => {
    await fakeBrowser.storage.local.set({ 'da06.profile': { name: '  Nguyễn Văn A ', unitId: 'ubnd-cap-xa', demo: true } });
    const { profileSetting } = await loadSettings();
    const profile = await profileSetting.get();
    expect(profile).toEqual({ name: 'Nguyễn Văn A', unitId: 'ubnd-cap-xa', office: '', planUnitIds: [], level: '', demo: true });
    expect(await stored('da06.profile')).toEqual(profile);
    expect(await stored('da06.profile$')).toEqual({ v: 2 });
  });

  it('folds the unit chosen before profiles existed (da06.myUnit) into a v1 profile without a unit, then drops the old key', async () => {
    await fakeBrowser.storage.local.set({ 'da06.profile': { name: 'B', unitId: '' }, 'da06.myUnit': 'cong-an-tinh' });
    const { profileSetting } = await loadSettings();
    expect(await profileSetting.get()).toMatchObject({ name: 'B', unitId: 'cong-an-tinh' });
    expect(await stored('da06.myUnit')).toBeUndefined();
  });

  it("keeps a v1 profile's own unit over the old unit key", async () => {
    await fakeBrowser.storage.local.set({ 'da06.profile': { name: 'C', unitId: 'ubnd-cap-xa' }, 'da06.myUnit': 'cong-an-tinh' });
    const { profileSetting } = await loadSettings();
    expect((await profileSetting.get()).unitId).toBe('ubnd-cap-xa');
  });

  it('adopts the old unit key when no profile was ever saved', async () => {
    await fakeBrowser.storage.local.set({ 'da06.myUnit': 'cong-an-tinh' });
    const { profileSetting } = await loadSettings();
    expect(await profileSetting.get()).toEqual({ name: '', unitId: 'cong-an-tinh', office: '', planUnitIds: [], level: '', demo: false });
    expect(await stored('da06.profile')).toMatchObject({ unitId: 'cong-an-tinh' });
    expect(await stored('da06.myUnit')).toBeUndefined();
  });

  it('runs the migration once: a v2 profile is left as it is', async () => {
    await fakeBrowser.storage.local.set({ 'da06.profile': { name: 'D', unitId: '', level: 'xa', demo: false }, 'da06.profile$': { v: 2 }, 'da06.myUnit': 'x' });
    const { profileSetting } = await loadSettings();
    expect((await profileSetting.get()).unitId).toBe('');
    expect(await stored('da06.myUnit')).toBe('x');
  });

  it('reads something that is not a profile as the empty profile instead of failing', async () => {
    await fakeBrowser.storage.local.set({ 'da06.profile': { name: 42, level: 'huyen' }, 'da06.profile$': { v: 2 } });
    const { profileSetting, EMPTY_PROFILE } = await loadSettings();
    expect(await profileSetting.get()).toEqual(EMPTY_PROFILE);
  });

  it('is seen by every watcher when any page saves it', async () => {
    const { profileSetting } = await loadSettings();
    const seen: unknown[] = [];
    const unwatch = profileSetting.watch((p) => seen.push(p));
    await profileSetting.set({ name: 'E', unitId: 'ubnd-cap-xa', office: '', planUnitIds: [], level: 'xa', demo: false });
    await vi.waitFor(() => expect(seen).toEqual([{ name: 'E', unitId: 'ubnd-cap-xa', office: '', planUnitIds: [], level: 'xa', demo: false }]));
    unwatch();
    expect(await stored('da06.profile$')).toEqual({ v: 2 });
  });

  it('attributes filings with the name, unit and demo flag', async () => {
    const { staffContext } = await loadSettings();
    expect(staffContext({ name: 'F', unitId: 'u', office: '', planUnitIds: [], level: '', demo: true })).toEqual({ staff: 'F', unit: 'u', demo: true });
    // The office's own name wins; else the plan unit's name when known.
    expect(staffContext({ name: 'F', unitId: 'u', office: 'UBND phường Hạc Thành', planUnitIds: ['u'], level: '', demo: false }).unit).toBe('UBND phường Hạc Thành');
    expect(staffContext({ name: 'F', unitId: 'u', office: '', planUnitIds: ['u'], level: '', demo: false }, () => 'UBND cấp xã').unit).toBe('UBND cấp xã');
  });
});

describe('locale', () => {
  it('is Vietnamese unless chosen otherwise', async () => {
    const { localeSetting } = await loadSettings();
    expect(await localeSetting.get()).toBe('vi');
  });

  it("adopts the language the pages kept in localStorage, then removes that copy", async () => {
    const page = new Map<string, string>([['da06.locale', 'en']]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => page.get(k) ?? null, removeItem: (k: string) => void page.delete(k) });
    const { localeSetting } = await loadSettings();
    expect(await localeSetting.get()).toBe('en');
    expect(await stored('da06.locale')).toBe('en');
    expect(page.has('da06.locale')).toBe(false);
  });

  it('keeps a language already in extension storage over a stale page copy, and ignores unknown values', async () => {
    await fakeBrowser.storage.local.set({ 'da06.locale': 'vi' });
    vi.stubGlobal('localStorage', { getItem: () => 'en', removeItem: () => undefined });
    let { localeSetting } = await loadSettings();
    expect(await localeSetting.get()).toBe('vi');
    await fakeBrowser.storage.local.set({ 'da06.locale': 'fr' });
    ({ localeSetting } = await loadSettings());
    expect(await localeSetting.get()).toBe('vi');
  });
});

describe('user hosts', () => {
  it('reads the list Options has always stored, skipping entries that are not hosts', async () => {
    await fakeBrowser.storage.local.set({
      'da06.userHosts': [{ host: 'motcua.example.gov.vn', adapterId: 'generic' }, { host: 7 }, 'junk'],
    });
    const { userHostsSetting } = await loadSettings();
    expect(await userHostsSetting.get()).toEqual([{ host: 'motcua.example.gov.vn', adapterId: 'generic' }]);
  });

  it('is an empty list when nothing or something else is stored', async () => {
    await fakeBrowser.storage.local.set({ 'da06.userHosts': { host: 'x' } });
    const { userHostsSetting } = await loadSettings();
    expect(await userHostsSetting.get()).toEqual([]);
  });
});
