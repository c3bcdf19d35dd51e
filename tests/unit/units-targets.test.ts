import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../lib/catalog/targets';
import { splitUnitCell, UnitRegistry } from '../../lib/catalog/units';
import { comparisonKey, foldDiacritics, stripMarkup } from '../../lib/text/normalize';
import { realBuild } from './helpers';

describe('normalize', () => {
  it('folds Vietnamese for comparison', () => {
    expect(foldDiacritics('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(comparisonKey('Sở Lao động – Thương binh và Xã hội')).toBe('so lao dong thuong binh va xa hoi');
  });
  it('strips the conversion markup', () => {
    expect(stripMarkup('<b>Mô hình 1:</b> Triển khai ( <i>chính</i> )')).toBe('Mô hình 1: Triển khai (chính)');
    expect(stripMarkup('Khách sạn 2-3\\*; **đúng**')).toBe('Khách sạn 2-3*; đúng');
  });
});

describe('unit cells', () => {
  it('splits only where a new unit starts', () => {
    expect(splitUnitCell('Các sở, ban, ngành cấp tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố')).toEqual([
      'Các sở, ban, ngành cấp tỉnh',
      'Ủy ban nhân dân các huyện, thị xã, thành phố',
    ]);
    expect(splitUnitCell('Sở Lao động, Thương binh và Xã hội')).toEqual(['Sở Lao động, Thương binh và Xã hội']);
    expect(splitUnitCell('Công an tỉnh và các cơ quan, đơn vị liên quan')).toEqual(['Công an tỉnh', 'các cơ quan, đơn vị liên quan']);
    expect(splitUnitCell('UBND cấp huyện, cấp xã ( <i>chính</i> )')).toEqual(['UBND cấp huyện', 'UBND cấp xã']);
    expect(splitUnitCell('Ngân hàng Nhà nước Việt Nam - Chi nhánh Thanh Hóa')).toEqual(['Ngân hàng Nhà nước Việt Nam - Chi nhánh Thanh Hóa']);
  });
  it('maps spelling variants to one reviewed unit', () => {
    const { catalog } = realBuild();
    const ubndHuyen = catalog.units.find((u) => u.id === 'ubnd-cap-huyen')!;
    expect(ubndHuyen.variants).toEqual(expect.arrayContaining(['UBND cấp huyện', 'Ủy ban nhân dân các huyện, thị xã, thành phố']));
    const ca = catalog.units.find((u) => u.id === 'cong-an-tinh')!;
    expect(ca.variants).toEqual(expect.arrayContaining(['Công an tỉnh', 'Coogn an tỉnh']));
  });
  it('rejects an alias listed under two units', () => {
    expect(
      () =>
        new UnitRegistry([
          { id: 'a', name: 'Sở A', level: 'province', aliases: ['X'], kind: 'so', provenance: 'test' },
          { id: 'b', name: 'Sở B', level: 'province', aliases: ['X'], kind: 'so', provenance: 'test' },
        ]),
    ).toThrow(/both a and b/);
  });
  it('every task refers to units by id that exist', () => {
    const { catalog } = realBuild();
    const ids = new Set(catalog.units.map((u) => u.id));
    for (const t of catalog.tasks) for (const id of [...t.leadUnitIds, ...t.partnerUnitIds]) expect(ids.has(id)).toBe(true);
  });
});

describe('targets', () => {
  it('reads per-level percentages with their scope', () => {
    const q = extractQuantities('Năm 2024: cấp tỉnh và huyện 100%; cấp xã 90%');
    expect(q.map((x) => [x.value, x.comparator, x.scope])).toEqual([
      [100, 'exactly', 'cấp tỉnh và huyện'],
      [90, 'at-least', 'cấp xã'],
    ]);
  });
  it('reads "tối thiểu", "trở lên" and ranks', () => {
    expect(extractQuantities('Tối thiểu 90% người dân, doanh nghiệp hài lòng')[0]).toMatchObject({ value: 90, comparator: 'at-least', unit: '%' });
    expect(extractQuantities('cung cấp dịch vụ công năm 2024 đứng ở top 15/63 tỉnh')[0]).toMatchObject({ value: 15, unit: 'rank', comparator: 'at-most' });
    const q = extractQuantities('Đạt từ 70% trở lên từ quý II/2024 và đạt 90% trở lên từ quý III năm 2024');
    expect(q.map((x) => [x.value, x.period?.due])).toEqual([[70, '2024-06-30'], [90, '2024-09-30']]);
  });
  it('catalog targets keep the task they came from', () => {
    const { catalog } = realBuild();
    const t = catalog.targets.find((x) => x.ref === 'kh-tinh-2024#5/2')!;
    expect(t).toMatchObject({ value: 90, scope: 'cấp xã', taskRef: 'kh-tinh-2024#5', period: { due: '2024-12-31' } });
    expect(catalog.targets.find((x) => x.ref === 'kh-tinh-2024#4/1')).toMatchObject({ value: 15, unit: 'rank' });
  });
});

describe('units: split by the registry, not by commas; fragments never minted', () => {
  it('keeps "BQL Khu kinh tế Nghi Sơn và các KCN" as one unit (kh-mo-hinh #M14)', async () => {
    const { realBuild } = await import('./helpers');
    const { catalog } = realBuild();
    const m14 = catalog.models.find((m) => m.ref === 'kh-mo-hinh#M14')!;
    expect(m14.leadUnitIds).toEqual(['bql-kkt-nghi-son']);
    expect(catalog.units.some((u) => u.id === 'x-cac-kcn')).toBe(false);
  });
  it('splits "Ngân hàng Công an huyện" into banks and the district police (kh-huyen-2024 #16)', async () => {
    const { realBuild } = await import('./helpers');
    const t16 = realBuild().catalog.tasks.find((t) => t.ref === 'kh-huyen-2024#16')!;
    expect(t16.partnerUnitIds).toContain('cong-an-huyen');
  });
  it('reports the truncated "… và các" (kh-tu-2025 #38) as a fragment with its defect, not as a unit', async () => {
    const { realBuild } = await import('./helpers');
    const report = realBuild();
    expect(report.unitFragments).toEqual([{ ref: 'kh-tu-2025#38', text: 'các', why: 'bare' }]);
    expect(report.catalog.units.some((u) => u.id === 'x-cac')).toBe(false);
    expect(report.catalog.defects.some((d) => d.affects.includes('kh-tu-2025#38'))).toBe(true);
  });
});

describe('units: list cells and registry coverage', () => {
  it('reads "Các Bộ: Lao động, Thương binh và Xã hội; …" as ministries, joined back across commas (ct-04-2024 #A6)', async () => {
    const { realBuild } = await import('./helpers');
    const { catalog } = realBuild();
    const a6 = catalog.tasks.find((t) => t.ref === 'ct-04-2024#A6')!;
    expect(a6.leadUnitIds).toEqual(expect.arrayContaining(['bo-ldtbxh', 'bo-cong-thuong', 'bo-vhttdl', 'uy-ban-dan-toc']));
    expect(catalog.units.some((u) => /^(y-te|cong-thuong|x-)/.test(u.id) && u.name.length < 12)).toBe(false);
  });
  it('reads a central plan\'s list of named provinces as one unit, not as one unit per cell (ct-04-2024 #C7)', async () => {
    const { realBuild } = await import('./helpers');
    const c7 = realBuild().catalog.tasks.find((t) => t.ref === 'ct-04-2024#C7')!;
    expect(c7.leadUnitIds).toEqual(['ubnd-tinh-khac']);
  });
  it('every unit named in the five plans is in the reviewed registry; district units name their successor', async () => {
    const { realBuild } = await import('./helpers');
    const { catalog } = realBuild();
    expect(catalog.units.filter((u) => !u.reviewed).map((u) => u.variants.join(' / '))).toEqual([]);
    for (const u of catalog.units.filter((x) => x.level === 'district')) {
      expect(u.successor, u.id).toBeTruthy();
      expect(u.until, u.id).toBe('2025-06-30');
    }
  });
});
