import { describe, expect, it, vi } from 'vitest';
import { loadMatchData, matcherFor, tagCatalog } from '../../../lib/match';
import { createMatchSummary, type MatchingData } from '../../../services/background/match-summary';
import { readDirectory } from '../../../scripts/directory-io';
import { realBuild } from '../helpers';
import { page } from './helpers';

// The badge path never builds the full-text index: building one fails here.
vi.mock('minisearch', () => ({
  default: class {
    constructor() {
      throw new Error('the badge count must not build a MiniSearch index');
    }
  },
}));

describe('match summary for the badges', () => {
  const catalog = realBuild().catalog;
  const data: MatchingData = { catalog, data: loadMatchData(), itemTopics: tagCatalog(catalog) };
  // In the extension the directory is fetched from the package; here it is read from the generated file.
  const directory = readDirectory();
  const loadDirectory = async () => directory;

  it('counts the same specific items as the panel, loading the match data once', async () => {
    const load = vi.fn(async () => data);
    const summarize = createMatchSummary(load, loadDirectory);
    const procedure = { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch' };
    const summary = await summarize(page('https://dichvucong.gov.vn/a', procedure));
    // The panel's matcher, without its full-text band (which only adds 'possibly related' items).
    const panelItems = matcherFor(catalog).match(procedure, { related: false, directory }).items.filter((i) => !i.restates);
    expect(summary?.specific).toBe(panelItems.filter((i) => i.band === 'specific').length);
    expect(summary?.everyFiling).toBe(panelItems.filter((i) => i.band === 'every-filing').length);
    expect(summary?.specific).toBeGreaterThan(10);
    await summarize(page('https://dichvucong.gov.vn/b', { name: 'Đăng ký thường trú' }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('has no summary for a list or a page without a procedure', async () => {
    const summarize = createMatchSummary(async () => data, loadDirectory);
    expect(await summarize(page('https://dichvucong.gov.vn/l', { name: 'Đăng ký khai sinh' }, 'procedure-list'))).toBeNull();
    expect(await summarize(page('https://dichvucong.gov.vn/u', null, 'unknown'))).toBeNull();
  });

  it('tries again after the data failed to load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(data);
    const summarize = createMatchSummary(load, loadDirectory);
    const p = page('https://dichvucong.gov.vn/a', { name: 'Đăng ký khai sinh' });
    await expect(summarize(p)).rejects.toThrow('offline');
    expect((await summarize(p))?.specific).toBeGreaterThan(0);
  });

  it('counts a page showing only a portal id through the national directory, as the panel does', async () => {
    const procedure = { portalId: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7' };
    const withDirectory = await createMatchSummary(async () => data, loadDirectory)(page('https://dichvucong.gov.vn/nop-ho-so', procedure));
    const panelItems = matcherFor(catalog).match(procedure, { related: false, directory }).items.filter((i) => !i.restates);
    expect(withDirectory?.specific).toBe(panelItems.filter((i) => i.band === 'specific').length);
    expect(withDirectory?.specific).toBeGreaterThan(10);
    // Without the directory (it failed to load) the same page gets nothing specific, and still a summary.
    const without = await createMatchSummary(async () => data, () => Promise.reject(new Error('offline')))(page('https://dichvucong.gov.vn/nop-ho-so', procedure));
    expect(without?.specific).toBe(0);
  });
});
