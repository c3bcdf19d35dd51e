import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../lib/i18n';
import { matcherFor, loadMatchData } from '../../lib/match';
import { compileLexicon } from '../../lib/match/lexicon';
import { createItemViewer, statusText } from '../../lib/match/present';
import { describeReason } from '../../lib/match/reasons';
import { createReferenceLookup } from '../../lib/match/reference';
import { accentKey, hasDiacritics, unifyToneMarks } from '../../lib/text/normalize';
import { realBuild } from './helpers';

const { lexicon, references } = loadMatchData();
const tagger = compileLexicon(lexicon);
const topicIds = (text: string) => tagger.tag(text).map((h) => h.topicId);

describe('Vietnamese normalization for matching', () => {
  it('unifies the two tone-mark styles and keeps diacritics apart', () => {
    expect(unifyToneMarks('số hoá, thuỷ, hoà')).toBe('số hóa, thủy, hòa');
    expect(unifyToneMarks('hoàn thành')).toBe('hoàn thành');
    expect(accentKey('Số hoá hồ sơ!')).toBe('số hóa hồ sơ');
    expect(accentKey('lưu trú')).not.toBe(accentKey('lưu trữ'));
    expect(hasDiacritics('dang ky khai sinh')).toBe(false);
    expect(hasDiacritics('Đăng ký')).toBe(true);
  });
});

describe('topic lexicon', () => {
  const catalog = realBuild().catalog;
  const matcher = matcherFor(catalog);

  it('tags every evidence item with its topic (the lexicon keeps provenance in the seeds)', () => {
    for (const topic of lexicon.topics) {
      for (const ref of topic.evidence) {
        expect(matcher.item(ref), `${topic.id}: ${ref} exists`).toBeDefined();
        expect(matcher.topicsOf(ref).map((h) => h.topicId), `${topic.id} on ${ref}`).toContain(topic.id);
      }
    }
  });

  it('reads procedures and catalog items the same way, with or without diacritics', () => {
    expect(topicIds('Đăng ký khai sinh')).toContain('khai-sinh');
    expect(topicIds('dang ky khai sinh')).toContain('khai-sinh');
    expect(topicIds('DANG KY THUONG TRU')).toContain('thuong-tru');
    expect(topicIds('Cấp thẻ BHYT cho trẻ dưới 6 tuổi')).toContain('bhyt');
    expect(topicIds('kết nối CSDLQG về DC')).toContain('csdl-dan-cu');
  });

  it('keeps keyword traps out', () => {
    expect(topicIds('100% kết quả giải quyết được lưu trữ điện tử')).not.toContain('luu-tru');
    expect(topicIds('thông báo lưu trú')).toContain('luu-tru');
    expect(topicIds('dành 10% thu từ tiền thuê đất')).not.toContain('thue');
    expect(topicIds('Sở Lao động, Thương binh và Xã hội')).not.toContain('nguoi-co-cong');
    expect(topicIds('dịch vụ chứng thực chữ ký số chuyên dùng')).not.toContain('chung-thuc');
    expect(topicIds('abbreviations stay case-sensitive: ks, kt')).toEqual([]);
  });

  it('rejects a lexicon that refers to an unknown topic', async () => {
    const { LexiconSchema } = await import('../../lib/match/lexicon');
    const broken = { version: 1, topics: [{ id: 'a', band: 'specific', parent: 'nope', label: { vi: 'A', en: 'A' }, terms: ['aa'], evidence: [] }] };
    expect(LexiconSchema.safeParse(broken).success).toBe(false);
  });
});

describe('reference procedure list', () => {
  const lookup = createReferenceLookup(references);
  it('gives a source for every code and finds procedures by code or name', () => {
    for (const p of references.procedures) if (p.code) expect(references.sources[p.codeSource!], p.id).toBeTruthy();
    expect(lookup.byCode('1.001193')?.id).toBe('khai-sinh');
    expect(lookup.byName('ĐĂNG KÝ KHAI SINH')?.id).toBe('khai-sinh');
    expect(lookup.byName('Đăng ký khai sinh có yếu tố nước ngoài')?.id).toBe('khai-sinh-nuoc-ngoai');
    expect(lookup.byName('Thủ tục đăng ký khai sinh')?.id).toBe('khai-sinh');
    expect(lookup.byName('làm giấy khai sinh')?.id).toBe('khai-sinh');
    // Never by a shorter name it contains.
    expect(lookup.byName('Hướng dẫn cấp phiếu lý lịch tư pháp trực tuyến')).toBeUndefined();
    expect(lookup.byName('Thu hồi chứng nhận đăng ký xe, biển số xe')).toBeUndefined();
    expect(lookup.byName('Một thủ tục không có trong danh mục')).toBeUndefined();
  });
});

describe('matcher', () => {
  const catalog = realBuild().catalog;
  const matcher = matcherFor(catalog);

  it('puts every item in one band at most, with a reason', () => {
    const result = matcher.match({ name: 'Đăng ký khai sinh', field: 'Hộ tịch' });
    const refs = result.items.map((i) => i.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const item of result.items) expect(item.reasons.length).toBeGreaterThan(0);
    const related = result.items.filter((i) => i.band === 'related');
    // "khai sinh" must not be found in "triển khai ... an sinh".
    expect(related.map((i) => i.ref)).not.toContain('kh-tinh-2024#41');
  });

  it('gives the same every-filing band to any procedure, and nothing specific to an unknown one', () => {
    const unknown = matcher.match({ code: '9.999999' });
    expect(unknown.items.filter((i) => i.band === 'specific')).toEqual([]);
    const everyA = unknown.items.filter((i) => i.band === 'every-filing').map((i) => i.ref);
    expect(everyA).toContain('kh-tinh-2024#19');
    expect(everyA).toContain('kh-huyen-2024#T5');
    const building = matcher.match({ name: 'Cấp giấy phép xây dựng' });
    expect(building.items.filter((i) => i.band === 'specific')).toEqual([]);
  });

  it('explains each reason in Vietnamese and English', () => {
    const item = matcher.match({ name: 'Đăng ký khai sinh' }).items.find((i) => i.ref === 'kh-tinh-2024#16')!;
    const reason = item.reasons[0];
    expect(describeReason(reason, 'vi', matcher.tagger)).toMatch(/Cùng chủ đề «Khai sinh».*tên thủ tục.*«khai sinh»/);
    expect(describeReason(reason, 'en', matcher.tagger)).toMatch(/Same topic «Birth registration».*procedure name/);
  });

  it('shows source, units, deadline and honest status as of a day', () => {
    const view = createItemViewer(catalog);
    const task = view(matcher.item('kh-tinh-2024#16')!, '2026-11-22');
    expect(task).toMatchObject({ docTitle: 'KH Đề án 06 tỉnh Thanh Hóa 2024', number: '16', kind: 'task' });
    expect(task.leadUnits.length).toBeGreaterThan(0);
    // kh-tinh-2024 is the plan for 2024: on 2026-11-22 its dated tasks are "period ended", never red.
    expect(task.status).not.toBe('past-due');
    const target = view(matcher.item('kh-tinh-2024#32/2')!, '2026-11-22');
    expect(target.deadlineRaw).not.toBe('');
    // #32 is a staged target: stages shown, not a due date.
    expect(target.status).toBe('staged');
    expect(target.stages?.map((s) => s.from)).toEqual(['2024-04-01', '2024-07-01']);
    expect(statusText(target, 'vi')).toBe('Chỉ tiêu theo giai đoạn, từ 01/04/2024');
    const ended = view(matcher.item('kh-tinh-2024#27')!, '2026-11-22');
    expect(statusText(ended, 'vi')).toBe('Kỳ kế hoạch (năm 2024) đã kết thúc 31/12/2024');
    const red = view(matcher.item('ct-04-2024#C12')!, '2026-11-22');
    expect(red.status).toBe('past-due');
    expect(statusText(red, 'vi')).toBe('Hạn theo kế hoạch: Quý II/2024.');
  });
});

describe('locale files', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.vi).sort());
    for (const [k, v] of Object.entries(STRINGS.en)) expect(v, k).not.toBe('');
  });
});

describe('build-time item topics', () => {
  it('equal what the lexicon gives at run time (the generated file is not stale)', async () => {
    const { readFileSync } = await import('node:fs');
    const { GENERATED_ITEM_TOPICS } = await import('../../scripts/catalog-io');
    const { tagCatalog } = await import('../../lib/match');
    const generated = JSON.parse(readFileSync(GENERATED_ITEM_TOPICS, 'utf8')) as unknown;
    expect(generated).toEqual(tagCatalog(realBuild().catalog));
  });

  it('match data written at build time equals the validated seeds (the panel starts without zod)', async () => {
    const { readFileSync } = await import('node:fs');
    const { GENERATED_MATCH_DATA } = await import('../../scripts/catalog-io');
    expect(JSON.parse(readFileSync(GENERATED_MATCH_DATA, 'utf8'))).toEqual(JSON.parse(JSON.stringify(loadMatchData())));
  });
});
