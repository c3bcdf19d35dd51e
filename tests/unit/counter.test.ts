import { describe, expect, it } from 'vitest';
import { createDrafts, sameNameToday } from '../../lib/drafts';
import { matcherFor } from '../../lib/match';
import { createItemViewer, orderForPanel, panelTier, sourceName } from '../../lib/match/present';
import { searchProcedures } from '../../lib/match/search';
import { readDirectory } from '../../scripts/directory-io';
import { realBuild } from './helpers';

/* Issue 12 (helper "counter"): the panel's order, sources in words, directory search, drafts. */

const catalog = realBuild().catalog;
const matcher = matcherFor(catalog);
const view = createItemViewer(catalog);

describe('the panel order: most specific first', () => {
  const khaiSinh = matcher.match({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp Xã' }, { related: false });

  it('puts items about khai sinh itself before field-wide and general digitising tasks', () => {
    const ordered = orderForPanel(khaiSinh.items);
    const firstSpecific = ordered.find((m) => m.band === 'specific')!;
    expect(view(matcher.item(firstSpecific.ref)!, '2026-11-23').content).toMatch(/khai sinh/i);
    // The matcher's own order starts with a general digitising task that merely names the field.
    expect(khaiSinh.items[0].ref).toBe('kh-tinh-2024#5');
    expect(panelTier(khaiSinh.items[0])).toBe('field');
    expect(ordered.indexOf(khaiSinh.items[0])).toBeGreaterThan(ordered.findIndex((m) => panelTier(m) === 'field'));
  });

  it('groups in tier order: procedure, field, every filing, related', () => {
    const tiers = orderForPanel(khaiSinh.items).map(panelTier);
    const firsts = [...new Set(tiers)];
    expect(firsts).toEqual(['procedure', 'field', 'every-filing', 'related'].filter((t) => tiers.includes(t as never)));
    expect(tiers[0]).toBe('procedure');
  });
});

describe('source names in words', () => {
  it('names the plan and the item, never the ref', () => {
    const v = view(matcher.item('kh-tinh-2024#16')!, '2026-11-23');
    expect(sourceName(v, 'vi')).toBe('KH Đề án 06 tỉnh Thanh Hóa 2024, nhiệm vụ 16');
    expect(sourceName(v, 'en')).toBe('KH Đề án 06 tỉnh Thanh Hóa 2024, task 16');
    expect(sourceName({ docTitle: 'KH 296/KH-UBND — 35 mô hình', kind: 'model', number: 'M36' }, 'vi')).toBe('KH 296/KH-UBND — 35 mô hình, mô hình 36');
    expect(sourceName({ docTitle: 'KH', kind: 'target', number: '5/2' }, 'vi')).toBe('KH, chỉ tiêu 2 (trong nhiệm vụ 5)');
  });
});

describe('search finds procedures in the national directory', () => {
  const directory = readDirectory();
  it.each([
    ['giấy phép xây dựng', /giấy phép xây dựng/i],
    ['giay phep xay dung', /giấy phép xây dựng/i],
    ['đăng ký xe', /đăng ký xe/i],
    ['khai tử', /khai tử/i],
  ])('"%s" names procedures', (query, name) => {
    const hits = searchProcedures(directory, query);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.entry.name).toMatch(name);
  });
  it('puts the plain procedure before its special cases', () => {
    expect(searchProcedures(directory, 'khai tử')[0].entry.code).toBe('1.000656');
    expect(searchProcedures(directory, 'khai sinh')[0].entry.code).toBe('1.001193');
  });
  it('answers nothing for too short or empty queries', () => {
    expect(searchProcedures(directory, 'x')).toEqual([]);
    expect(searchProcedures(directory, '  ')).toEqual([]);
  });
});

describe('drafts kept on this computer', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
  };
  it('keeps, reads back and removes a draft by its parts', () => {
    const store = memory();
    const d = createDrafts(store);
    d.set(['note', 'dossier:a|b', 'so-hoa'], 'Đã có bản điện tử');
    expect(createDrafts(store).get(['note', 'dossier:a|b', 'so-hoa'])).toBe('Đã có bản điện tử');
    expect(d.get(['note', 'dossier:a', 'b|so-hoa'])).toBeUndefined();
    d.remove(['note', 'dossier:a|b', 'so-hoa']);
    expect(store.m.size).toBe(0);
  });
  it('attack: storage that throws (blocked, full) → no crash, nothing read', () => {
    const d = createDrafts({ getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('x'); } });
    expect(() => d.set(['a'], 'b')).not.toThrow();
    expect(d.get(['a'])).toBeUndefined();
  });
  it('finds a session of the same name started the same local day only', () => {
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    const sessions = [
      { id: 'a', label: 'Lớp tập huấn', createdAt: new Date(2026, 10, 22, 15, 0).getTime() },
      { id: 'b', label: 'Lớp  tập huấn ', createdAt: new Date(2026, 10, 23, 8, 0).getTime() },
    ];
    expect(sameNameToday(sessions, 'lớp tập huấn', now)?.id).toBe('b');
    expect(sameNameToday(sessions.slice(0, 1), 'Lớp tập huấn', now)).toBeUndefined();
  });
});
