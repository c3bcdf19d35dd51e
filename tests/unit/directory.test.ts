import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDirectory } from '../../lib/directory/build';
import { createDirectoryLoader } from '../../lib/directory/load';
import { createDirectory } from '../../lib/directory/lookup';
import { matcherFor } from '../../lib/match';
import { DIRECTORY_SOURCE, readDirectory, readDirectorySource } from '../../scripts/directory-io';
import { realBuild } from './helpers';

const KHAI_SINH_ID = '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';
const source = () => JSON.parse(readDirectorySource(DIRECTORY_SOURCE).toString('utf8')) as { procedures: Record<string, unknown>[] };

describe('directory build (validation)', () => {
  const report = buildDirectory(source(), { file: 'x', sha256: 'y' });

  it('leaves out exactly the records without a national code, and says why', () => {
    expect(report.stats).toMatchObject({ records: 5664, kept: 5661, rejected: 3 });
    expect(report.rejected.map((r) => r.code).sort()).toEqual(['1.0133611', '1.014955-Xoa', '2.009182739']);
    for (const r of report.rejected) expect(r.reasons.join(' ')).toContain('not a national code');
    // The two longer spellings of listed codes are pointed out.
    expect(report.rejected.find((r) => r.code === '1.0133611')!.reasons.join(' ')).toContain('1.013361');
    const directory = createDirectory(report.data);
    expect(directory.size).toBe(5661);
    expect(directory.byCode('1.014955-Xoa')).toBeUndefined();
    expect(directory.byCode('2.009182739')).toBeUndefined();
  });

  it('reports a code or portal id filed twice instead of keeping both', () => {
    const src = source();
    const first = src.procedures.find((p) => p.code === '1.001193')!;
    src.procedures.push({ ...first, name: 'Bản ghi lặp' }, { ...first, code: '9.999999' });
    const r = buildDirectory(src, { file: 'x', sha256: 'y' });
    expect(r.stats.duplicateCodes).toBe(1);
    expect(r.stats.duplicatePortalIds).toBe(2);
    expect(r.rejected.filter((x) => x.reasons.some((s) => /already at record/.test(s)))).toHaveLength(2);
    const d = createDirectory(r.data);
    expect(d.byCode('1.001193')!.name).toBe('Thủ tục đăng ký khai sinh');
    expect(d.byCode('9.999999')).toBeUndefined();
  });

  it('rejects a record without a name or with a malformed portal id', () => {
    const src = source();
    src.procedures.push({ ...src.procedures[0], code: '9.000001', portalId: 'not-an-id' }, { ...src.procedures[0], code: '9.000002', portalId: '019d2bfb-cfb3-75d8-9160-fa2bd2ac9500', name: '  ' });
    const r = buildDirectory(src, { file: 'x', sha256: 'y' });
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.code, x.reasons.join(' ')]));
    expect(reasons['9.000001']).toContain('portalId');
    expect(reasons['9.000002']).toContain('name');
  });
});

describe('directory lookups (generated file)', () => {
  const d = readDirectory();

  it('finds Đăng ký khai sinh by code, by portal id and by a code with a local suffix', () => {
    const e = d.byCode('1.001193')!;
    expect(e).toMatchObject({ portalId: KHAI_SINH_ID, name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã' });
    expect(d.byPortalId(KHAI_SINH_ID)?.code).toBe('1.001193');
    expect(d.byPortalId(KHAI_SINH_ID.toUpperCase())?.code).toBe('1.001193');
    expect(d.byCode('1.001193.000.00.00.H56')?.code).toBe('1.001193');
    expect(d.byCode('1.0011930')).toBeUndefined();
    expect(d.byPortalId('373812')).toBeUndefined();
  });

  it('resolves a name to its entry, with or without diacritics and "Thủ tục"', () => {
    for (const n of ['Đăng ký khai sinh', 'dang ky khai sinh', 'Thủ tục đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH']) {
      expect(d.byName(n)?.entry.code, n).toBe('1.001193');
    }
    expect(d.byName('Đăng ký lại khai sinh')?.entry.code).toBe('1.004884');
    // A small wording difference still resolves (the directory says "kết hợp đăng ký nhận").
    expect(d.byName('Đăng ký khai sinh kết hợp nhận cha, mẹ, con')?.entry.code).toBe('1.000689');
  });

  it('never resolves a name by a shorter name it contains', () => {
    const trap = d.byName('Thu hồi chứng nhận đăng ký xe, biển số xe');
    expect(trap === null || /^thu hồi/i.test(trap.entry.name)).toBe(true);
    expect(d.byName('Đăng ký khai sinh cho trẻ em bị bỏ rơi')).toBeNull();
    expect(d.byName('Đăng ký xe')).toBeNull();
    expect(d.byName('khai sinh')).toBeNull();
    // "… doanh nghiệp tư nhân" is one kind among several: a general name does not pick it.
    expect(d.byName('Đăng ký thành lập doanh nghiệp')).toBeNull();
  });

  it('prefers the entry of the given field, and the level breaks ties; otherwise no guess', () => {
    expect(d.byName('Gia hạn nộp thuế')).toBeNull();
    expect(d.byName('Gia hạn nộp thuế', { field: 'Thuế' })?.entry.code).toBe('1.008590');
    expect(d.byName('Gia hạn nộp thuế', { field: 'Hải quan' })?.entry.code).toBe('1.013490');
    expect(d.byName('Đăng ký lại kết hôn')).toBeNull();
    expect(d.byName('Đăng ký lại kết hôn', { level: 'Cấp Xã' })?.entry.code).toBe('1.004746');
  });

  it('find() takes whichever the text is', () => {
    expect(d.find('1.001193')?.by).toBe('code');
    expect(d.find(KHAI_SINH_ID)?.by).toBe('portalId');
    expect(d.find('Đăng ký khai sinh')).toMatchObject({ by: 'name', entry: { code: '1.001193' } });
    expect(d.find('không có thủ tục này')).toBeNull();
  });
});

describe('directory loader', () => {
  it('loads once, shares the result, and tries again after a failure', async () => {
    const data = JSON.parse(readFileSync('public/data/directory.json', 'utf8')) as unknown;
    let calls = 0;
    let fail = true;
    const load = createDirectoryLoader(async () => {
      calls++;
      if (fail) throw new Error('offline');
      return data;
    });
    await expect(load()).rejects.toThrow('offline');
    fail = false;
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(a.byCode('1.001193')?.name).toBe('Thủ tục đăng ký khai sinh');
    expect(calls).toBe(2);
    await expect(createDirectoryLoader(async () => ({ v: 1, code: [] }))()).rejects.toThrow('unexpected shape');
  });
});

describe('matching through the directory', () => {
  const matcher = matcherFor(realBuild().catalog);
  const directory = readDirectory();
  const specific = (q: Parameters<typeof matcher.match>[0]) =>
    matcher.match(q, { directory }).items.filter((i) => i.band === 'specific').map((i) => i.ref);

  it('a portal id alone gets the name, field, level and the same specific items as the full page', () => {
    const resolved = matcher.resolve({ portalId: KHAI_SINH_ID }, directory);
    expect(resolved).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã' });
    expect(resolved.directory?.by).toBe('portalId');
    expect(resolved.reference?.id).toBe('khai-sinh');
    expect(resolved.disagreements).toEqual([]);
    const alone = specific({ portalId: KHAI_SINH_ID });
    expect(alone.length).toBeGreaterThan(3);
    expect(alone).toEqual(specific({ name: 'Đăng ký khai sinh', field: 'Hộ tịch', code: '1.001193' }));
    // Without the directory a portal id means nothing.
    expect(matcher.match({ portalId: KHAI_SINH_ID }).items.filter((i) => i.band === 'specific')).toEqual([]);
  });

  it('a code the reference list does not know still gets a name, field and specific items', () => {
    // 1.000110: khai sinh near the border, not in the 47 reviewed procedures.
    expect(matcher.resolve({ code: '1.000110' }).name).toBeUndefined();
    const resolved = matcher.resolve({ code: '1.000110' }, directory);
    expect(resolved.name).toMatch(/khai sinh có yếu tố nước ngoài tại khu vực biên giới/);
    expect(resolved.field).toBe('Hộ tịch');
    expect(specific({ code: '1.000110' })).toContain('kh-tinh-2024#16');
  });

  it('the page wins, and each disagreement is listed', () => {
    const resolved = matcher.resolve({ code: '1.001193', name: 'Đăng ký kết hôn', field: 'Chứng thực', level: 'Cấp Huyện' }, directory);
    expect(resolved.name).toBe('Đăng ký kết hôn');
    expect(resolved.field).toBe('Chứng thực');
    expect(resolved.disagreements).toEqual([
      { what: 'name', source: 'directory', page: 'Đăng ký kết hôn', other: 'Thủ tục đăng ký khai sinh' },
      { what: 'field', source: 'directory', page: 'Chứng thực', other: 'Hộ tịch' },
      { what: 'level', source: 'directory', page: 'Cấp Huyện', other: 'Cấp xã' },
    ]);
    expect(matcher.resolve({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp Xã' }, directory).disagreements).toEqual([]);
    // A name found outside the page's field: the field disagreement is said.
    const elsewhere = matcher.resolve({ name: 'Thủ tục đăng ký khai sinh lưu động', field: 'Chứng thực' }, directory);
    expect(elsewhere.directory).toMatchObject({ code: '1.003583', by: 'name' });
    expect(elsewhere.disagreements).toEqual([{ what: 'field', source: 'directory', page: 'Chứng thực', other: 'Hộ tịch' }]);
    const clash = matcher.resolve({ code: '1.000894', portalId: KHAI_SINH_ID }, directory);
    expect(clash.disagreements).toContainEqual({ what: 'code', source: 'directory', page: '1.000894', other: '1.001193' });
  });

  it('a name reaches the reference list exactly or through the directory, never by a name it contains', () => {
    // dang-ky-xe has no code; "Thu hồi …" is another procedure, not "Đăng ký xe".
    for (const d of [directory, undefined]) {
      expect(matcher.resolve({ name: 'Thu hồi chứng nhận đăng ký xe, biển số xe' }, d).reference).toBeUndefined();
    }
    // The official name differs from the reviewed one ("… kết hợp đăng ký nhận …"): the directory's code links them.
    const official = 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con';
    expect(matcher.resolve({ name: official }).reference).toBeUndefined();
    expect(matcher.resolve({ name: official }, directory).reference).toMatchObject({ id: 'khai-sinh-nhan-cha-me-con', by: 'code' });
  });
});
