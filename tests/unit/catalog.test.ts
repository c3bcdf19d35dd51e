import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../lib/catalog/build';
import { catalogStats, selfCheck } from '../../lib/catalog/check';
import { CatalogSchema } from '../../lib/catalog/schema';
import { readCatalogInputs } from '../../scripts/catalog-io';
import { realBuild } from './helpers';

const { catalog } = realBuild();
const task = (ref: string) => {
  const t = catalog.tasks.find((x) => x.ref === ref);
  if (!t) throw new Error(`missing ${ref}`);
  return t;
};
const unitNames = (ids: string[]) => ids.map((id) => catalog.units.find((u) => u.id === id)!.name);
const groupCounts = (doc: string) =>
  catalog.groups.filter((g) => g.doc === doc).map((g) => [g.numeral, g.declared, g.itemRefs.length]);

describe('golden counts', () => {
  it('kh-tinh-2024: 72 tasks in 10 groups, each as declared', () => {
    expect(catalog.tasks.filter((t) => t.doc === 'kh-tinh-2024')).toHaveLength(72);
    expect(groupCounts('kh-tinh-2024')).toEqual([
      ['I', 3, 3], ['II', 29, 29], ['III', 5, 5], ['IV', 5, 5], ['V', 14, 14],
      ['VI', 4, 4], ['VII', 4, 4], ['VIII', 2, 2], ['IX', 2, 2], ['X', 4, 4],
    ]);
  });
  it('kh-tu-2025: 61 tasks in 8 groups, group VI restored from the body list', () => {
    expect(catalog.tasks.filter((t) => t.doc === 'kh-tu-2025')).toHaveLength(61);
    expect(groupCounts('kh-tu-2025')).toEqual([
      ['I', 13, 13], ['II', 11, 11], ['III', 6, 6], ['IV', 15, 15], ['V', 4, 4], ['VI', 1, 1], ['VII', 4, 4], ['VIII', 7, 7],
    ]);
    const vi = catalog.groups.find((g) => g.id === 'kh-tu-2025/VI')!;
    expect(vi.heading).toBe('Về nguồn lực tài chính');
    expect(vi.itemRefs).toEqual(['kh-tu-2025#50']);
    expect(vi.restoredFrom).toMatch(/body list/);
  });
  it('kh-mo-hinh: 35 models in 5 groups', () => {
    expect(catalog.models).toHaveLength(35);
    expect(groupCounts('kh-mo-hinh')).toEqual([['I', 3, 3], ['II', 11, 11], ['III', 11, 11], ['IV', 3, 3], ['V', 7, 7]]);
    expect(catalog.models.map((m) => m.nationalNumber)).toEqual([
      1, 3, 5, 6, 8, 9, 10, 11, 13, 14, 15, 17, 18, 20, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38,
      39, 40, 41, 42, 43, 44,
    ]);
  });
  it('kh-huyen-2024: 32 tasks in 7 groups', () => {
    expect(catalog.tasks.filter((t) => t.doc === 'kh-huyen-2024')).toHaveLength(32);
    expect(groupCounts('kh-huyen-2024')).toEqual([
      ['I', 8, 8], ['II', 7, 7], ['III', 2, 2], ['IV', 5, 5], ['V', 5, 5], ['VI', 1, 1], ['VII', 4, 4],
    ]);
  });
  it('ct-04-2024: sections A (20), B (69, Cyrillic В), C (12 as the body announces)', () => {
    expect(groupCounts('ct-04-2024')).toEqual([['A', null, 20], ['B', null, 69], ['C', 12, 12]]);
    expect(task('ct-04-2024#B25').content).toMatch(/^Tiếp tục triển khai đồng bộ có hiệu quả việc lập bản điện tử Giấy khai sinh/);
  });
  it('district targets T1…T12 and both phases of kh-tu-2025', () => {
    const huyen = catalog.targets.filter((t) => /^kh-huyen-2024#T\d+$/.test(t.ref));
    expect(huyen.map((t) => t.ref)).toEqual(Array.from({ length: 12 }, (_, i) => `kh-huyen-2024#T${i + 1}`));
    const phases = catalog.targets.filter((t) => t.doc === 'kh-tu-2025' && t.period.phase);
    expect(phases.some((t) => t.period.phase === 'urgent' && t.period.due === '2025-06-30')).toBe(true);
    expect(phases.some((t) => t.period.phase === 'breakthrough' && t.period.from === '2025-07-01' && t.period.due === '2025-12-31')).toBe(true);
  });
});

describe('rows split across page breaks are merged into the right item', () => {
  it('kh-tinh-2024#4 carries its content and the top-15 deadline cell across the break', () => {
    const t = task('kh-tinh-2024#4');
    expect(t.content).toMatch(/đề cao vai trò người đứng đầu, tăng cường kỷ luật, kỷ cương hành chính\.$/);
    expect(t.raw.deadline).toMatch(/^Điểm đánh giá của bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC.*top 15\/63 tỉnh$/);
    expect(t.provenance.lines).toEqual([155, 158]);
  });
  it('kh-tinh-2024#11 joins lead "Ngân hàng nhà / nước Chi nhánh Thanh Hóa" cell by cell', () => {
    const t = task('kh-tinh-2024#11');
    expect(t.raw.lead).toBe('Ngân hàng nhà nước Chi nhánh Thanh Hóa');
    expect(unitNames(t.leadUnitIds)).toEqual(['Ngân hàng Nhà nước chi nhánh Thanh Hóa']);
    expect(t.raw.deadline).toBe('Trong năm 2024 và thực hiện thường xuyên');
    expect(t.content).toMatch(/cho vay an sinh xã hội$/);
  });
  it('kh-tinh-2024#19 and #22 are complete after the break', () => {
    expect(task('kh-tinh-2024#19').content).toMatch(/Bộ phận một cửa các cấp được định danh, xác thực điện tử.*đã có trong CSDLQG về DC$/);
    expect(task('kh-tinh-2024#19').raw.lead).toBe('Trung tâm Phục vụ hành chính công tỉnh, Sở Thông tin và Truyền thông');
    const t22 = task('kh-tinh-2024#22');
    expect(t22.content).toMatch(/hài lòng về việc giải quyết thủ tục hành chính 53 dịch vụ công thiết yếu và lĩnh vực cư trú, hộ tịch, xuất nhập cảnh, CCCD$/);
    expect(t22.raw.deadline).toBe('Trong năm 2024 và thực hiện thường xuyên');
  });
  it('kh-tu-2025#42 keeps only the surviving fragment, flagged incomplete; #41 is untouched', () => {
    const t = task('kh-tu-2025#42');
    expect(t.incomplete).toBe(true);
    expect(t.content).toBe('và tăng tương tác 2 chiều giữa người dân, doanh nghiệp với cơ quan nhà nước.');
    expect(t.defectIds).toEqual(['kh-tu-2025-row-42-lost']);
    expect(task('kh-tu-2025#41').content).toMatch(/đào tạo, tập huấn nghiệp vụ tham gia số hóa\.$/);
  });
  it('kh-mo-hinh M6 appendix row continues on the next page ("… gắn chip và" / "VNeID")', () => {
    const m = catalog.models.find((x) => x.ref === 'kh-mo-hinh#M6')!;
    expect(m.raw.partner).toMatch(/Sở Thông tin và Truyền thông$/);
    expect(m.platforms).toContain('Phần mềm khám chữa bệnh của các cơ sở khám chữa bệnh đang vận hành');
  });
});

describe('field-by-field against the text', () => {
  it('kh-tinh-2024#16 (birth/death certificates)', () => {
    const t = task('kh-tinh-2024#16');
    expect(t.content).toBe(
      'Tiếp tục triển khai đồng bộ, có hiệu quả việc lập bản điện tử Giấy khai sinh, Trích lục khai tử phục vụ liên thông 02 nhóm thủ tục hành chính liên quan đến đăng ký khai sinh, đăng ký khai tử',
    );
    expect(unitNames(t.leadUnitIds)).toEqual(['Sở Tư pháp']);
    expect(unitNames(t.partnerUnitIds)).toEqual(['Văn phòng UBND tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh', 'Bộ phận một cửa các cấp']);
    expect(t.deadline.kind).toBe('recurring');
    expect(catalog.groups.find((g) => g.id === t.groupId)!.numeral).toBe('II');
  });
  it('kh-tinh-2024#2 and #37 (OCR "Coogn an" fixed for display only)', () => {
    expect(task('kh-tinh-2024#2').deadline.parts).toEqual([{ kind: 'quarter', year: 2024, quarter: 1 }]);
    const t = task('kh-tinh-2024#37');
    expect(t.raw.partner).toBe('Coogn an tỉnh, Văn phòng UBND tỉnh');
    expect(unitNames(t.partnerUnitIds)).toEqual(['Công an tỉnh', 'Văn phòng UBND tỉnh']);
  });
  it('kh-tinh-2024#72 (last row)', () => {
    const t = task('kh-tinh-2024#72');
    expect(t.content).toMatch(/^Tuyên truyền, phổ biến tới người dân, doanh nghiệp về tầm quan trọng/);
    expect(unitNames(t.leadUnitIds)).toEqual(['Sở Thông tin và Truyền thông']);
  });
  it('kh-tu-2025#1, #4, #61', () => {
    expect(task('kh-tu-2025#1').content).toContain('Kế hoạch số 02-KH/BCĐTW'); // OCR "BCDDTWVW" fixed
    expect(task('kh-tu-2025#1').raw.content).toContain('BCDDTWVW');
    expect(task('kh-tu-2025#4').deadline.kind).toBe('done');
    const t61 = task('kh-tu-2025#61');
    expect(t61.raw.lead).toBe('Các cơ quan, đơn vị chủ quản hệ thống');
    expect(t61.deadline.parts).toEqual([{ kind: 'month', year: 2025, month: 12 }]);
  });
  it('kh-huyen-2024#1, #16, #30 (product column)', () => {
    const t1 = task('kh-huyen-2024#1');
    expect(t1.product).toBe('Kế hoạch kiểm tra, giám sát');
    expect(t1.deadline.parts).toEqual([{ kind: 'month', year: 2024, month: 2 }]);
    expect(task('kh-huyen-2024#16').product).toBeUndefined();
    const t30 = task('kh-huyen-2024#30');
    expect(t30.content).toMatch(/sử dụng tài khoản định danh mức độ 2 trên ứng dụng VNeID của Bộ Công an\.$/);
    expect(t30.product).toBe('Báo cáo kết quả thực hiện');
    expect(task('kh-huyen-2024#22').defectIds).toContain('kh-huyen-2024-row-22-duplicate');
  });
  it('ct-04-2024#A1, #A13 (missing partner column), #C12', () => {
    const a1 = task('ct-04-2024#A1');
    expect(a1.product).toBe('Kế hoạch triển khai Đề án 06 trong năm 2024');
    expect(a1.deadline.parts).toEqual([{ kind: 'month', year: 2024, month: 1 }]);
    const a13 = task('ct-04-2024#A13');
    expect(a13.raw.partner).toBe('');
    expect(a13.raw.deadline).toBe('Đề ra lộ trình hoàn thành đến năm 2025');
    expect(a13.product).toBe('Người dân, doanh nghiệp được định danh và xác thực điện tử');
    const c12 = task('ct-04-2024#C12');
    expect(c12.deadline.parts).toEqual([{ kind: 'quarter', year: 2024, quarter: 2 }]);
  });
  it('kh-mo-hinh#M1, #M36, #M44 merge body and appendix', () => {
    const m1 = catalog.models.find((m) => m.ref === 'kh-mo-hinh#M1')!;
    expect(m1.name).toBe('Triển khai 53 DVC thiết yếu theo Đề án 06');
    expect(m1.goal).toMatch(/^Các DVC thiết yếu được triển khai đồng bộ/);
    expect(m1.platforms).toEqual(['VNeID', 'Hệ thống thông tin giải quyết TTHC tỉnh']);
    const m36 = catalog.models.find((m) => m.ref === 'kh-mo-hinh#M36')!;
    expect(m36.rowNumber).toBe(27);
    expect(catalog.groups.find((g) => g.id === m36.groupId)!.numeral).toBe('IV');
    expect(unitNames(m36.partnerUnitIds)).toContain('Công an tỉnh');
    const m44 = catalog.models.find((m) => m.ref === 'kh-mo-hinh#M44')!;
    expect(unitNames(m44.leadUnitIds)).toEqual(['Sở Nội vụ']);
    expect(m44.deadline.kind).toBe('conditional');
  });
});

describe('self-check', () => {
  it('passes on the real seeds and reports ≥ 95% of deadlines parsed', () => {
    const report = realBuild();
    expect(selfCheck(report)).toEqual({ ok: true, failures: [] });
    const stats = catalogStats(report.catalog);
    expect(stats.deadlines.parsed / stats.deadlines.total).toBeGreaterThanOrEqual(0.95);
  });
  it('fails when a row disappears from a group', () => {
    const inputs = readCatalogInputs();
    const file = '000_aa9f174afe30a5df.txt';
    inputs.seedTexts[file] = inputs.seedTexts[file].replace(/^13\.\t.*$/m, '');
    const check = selfCheck(buildCatalog(inputs));
    expect(check.ok).toBe(false);
    expect(check.failures.join('\n')).toMatch(/kh-tinh-2024\/II .*declares 29, found 28/);
  });
  it('fails when a listed defect no longer explains the text (group VI heading dropped from the list)', () => {
    const inputs = readCatalogInputs();
    const defects = inputs.defectsJson as { defects: { id: string }[] };
    inputs.defectsJson = { defects: defects.defects.filter((d) => d.id !== 'kh-tu-2025-group-vi-heading-missing') };
    const check = selfCheck(buildCatalog(inputs));
    expect(check.ok).toBe(false);
    expect(check.failures.join('\n')).toMatch(/kh-tu-2025\/V .*declares 4, found 5/);
  });
  it('refs are unique and every item has content', () => {
    const refs = [...catalog.tasks, ...catalog.models, ...catalog.targets].map((i) => i.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });
});

describe('schema', () => {
  it('round-trips through JSON and zod unchanged', () => {
    const again = CatalogSchema.parse(JSON.parse(JSON.stringify(catalog)));
    expect(again).toEqual(catalog);
  });
  it('rejects a malformed catalog with a readable error', () => {
    const broken = { ...catalog, tasks: [{ ...catalog.tasks[0], ref: 42 }] };
    const result = CatalogSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['tasks', 0, 'ref']);
  });
});
