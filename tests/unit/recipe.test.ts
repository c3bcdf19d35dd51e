import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogInputs } from '../../lib/catalog/build';
import { selfCheck } from '../../lib/catalog/check';
import { readCatalogInputs, SEEDS_DIR } from '../../scripts/catalog-io';

/*
 * A plan goes in by one seed and one recipe: a small synthetic commune plan for
 * 2027 (written for this test) is ingested next to the five real ones.
 */
const SEED = [
  '**KẾ HOẠCH**',
  'Triển khai Đề án 06 trên địa bàn xã năm 2027',
  '## **II. MỤC TIÊU**',
  '- 100% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận.',
  '- Tối thiểu 80% người dân được hướng dẫn kích hoạt tài khoản định danh điện tử mức 2.',
  '## **III. NHIỆM VỤ**',
  '2. Nhiệm vụ cụ thể',
  '- Nhiệm vụ về dịch vụ công *(02 nhiệm vụ)*;',
  '- Nhiệm vụ về tuyên truyền *(01 nhiệm vụ)*.',
  '',
  '**Phụ lục**',
  'TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành',
  '<b>I</b>\t<b>Về dịch vụ công (02 nhiệm vụ)</b>\t\t\t',
  '1.\tSố hóa hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận\tUBND cấp xã\tCông an xã\tQuý II/2027',
  '2.\tTiếp nhận hồ sơ đăng ký khai sinh, khai tử trực tuyến; đạt 90% trở lên\tUBND cấp xã\tCông an xã\tThực hiện thường xuyên',
  '<b>II</b>\t<b>Về tuyên truyền (01 nhiệm vụ)</b>\t\t\t',
  '3.\tTuyên truyền về lợi ích của tài khoản định danh điện tử\tCông an xã\tUBND cấp xã\tTheo lộ trình của Bộ Công an',
  '',
].join('\n');

const RECIPE = {
  document: {
    key: 'kh-xa-2027',
    shortTitle: 'KH Đề án 06 cấp xã 2027 (thử)',
    fullTitle: 'Kế hoạch triển khai Đề án 06 trên địa bàn xã năm 2027',
    issuer: 'UBND xã (thử)',
    date: '2027-01',
    file: '900_synthetic.txt',
    level: 'commune',
    period: { from: '2027-01-01', to: '2027-12-31', raw: 'năm 2027' },
  },
  table: {
    kind: 'tasks',
    syntax: 'tab',
    columns: { content: 0, lead: 1, partner: 2, deadline: 3 },
    bodyGroups: { after: '^2\\.\\s*Nhiệm vụ cụ thể' },
  },
  targets: {
    sections: [{ style: 'bullets', start: '^#*\\s*II\\.\\s*MỤC TIÊU', end: '^#*\\s*III\\.', yearPattern: 'địa bàn xã năm (\\d{4})' }],
  },
};

function withSynthetic(recipe: unknown = RECIPE): CatalogInputs {
  const inputs = readCatalogInputs();
  return {
    ...inputs,
    recipesJson: [...inputs.recipesJson, recipe],
    seedTexts: { ...inputs.seedTexts, '900_synthetic.txt': SEED },
  };
}

describe('a plan = one seed + one recipe', () => {
  it('every seed in seeds/ has exactly one recipe, and the recipes are what the build reads', () => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
    const recipes = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.recipe.json'));
    const files = recipes.map((f) => (JSON.parse(readFileSync(join(SEEDS_DIR, f), 'utf8')) as { document: { file: string } }).document.file).sort();
    expect(files).toEqual(seeds);
    expect(readCatalogInputs().recipesJson).toHaveLength(seeds.length);
  });

  it('ingests a synthetic plan through its recipe: groups, tasks, targets, status, units, self-check', () => {
    const report = buildCatalog(withSynthetic());
    const { catalog } = report;
    const mine = catalog.tasks.filter((t) => t.doc === 'kh-xa-2027');
    expect(mine.map((t) => t.ref)).toEqual(['kh-xa-2027#1', 'kh-xa-2027#2', 'kh-xa-2027#3']);
    expect(catalog.groups.filter((g) => g.doc === 'kh-xa-2027').map((g) => [g.numeral, g.declared, g.itemRefs.length])).toEqual([
      ['I', 2, 2],
      ['II', 1, 1],
    ]);
    expect(report.bodyGroups['kh-xa-2027']?.map((b) => b.count)).toEqual([2, 1]);
    expect(mine[0].deadline.due).toBe('2027-06-30');
    expect(mine[2].deadline.kind).toBe('conditional');
    const targets = catalog.targets.filter((t) => t.doc === 'kh-xa-2027');
    expect(targets.map((t) => [t.ref, t.value])).toEqual([
      ['kh-xa-2027#T1', 100],
      ['kh-xa-2027#T2', 80],
      ['kh-xa-2027#2/1', 90],
    ]);
    expect(catalog.documents.at(-1)).toMatchObject({ key: 'kh-xa-2027', level: 'commune' });
    // The five real plans are untouched and the whole catalog still checks.
    expect(catalog.tasks.length).toBe(266 + 3);
    expect(selfCheck(report)).toEqual({ ok: true, failures: [] });
  });

  it('a group count that disagrees with the body fails the self-check, naming the plan', () => {
    const broken = buildCatalog({ ...withSynthetic(), seedTexts: { ...withSynthetic().seedTexts, '900_synthetic.txt': SEED.replace('(01 nhiệm vụ)*.', '(02 nhiệm vụ)*.') } });
    expect(selfCheck(broken).failures.join('\n')).toMatch(/kh-xa-2027 group II: body declares 2, found 1/);
  });

  it('a unit the registry does not know is reported, never minted', () => {
    const inputs = withSynthetic();
    const seed = SEED.replace('Công an xã\tUBND cấp xã\tTheo lộ trình', 'Hội Nông dân xã\tUBND cấp xã\tTheo lộ trình');
    const report = buildCatalog({ ...inputs, seedTexts: { ...inputs.seedTexts, '900_synthetic.txt': seed } });
    expect(report.unitFragments).toContainEqual({ ref: 'kh-xa-2027#3', text: 'Hội Nông dân xã', why: 'unknown' });
    expect(report.catalog.units.some((u) => u.name === 'Hội Nông dân xã')).toBe(false);
    expect(selfCheck(report).failures).toContain('kh-xa-2027#3: unit "Hội Nông dân xã" is not in seeds/units.json — add it there (or list a seed defect)');
  });

  it('an invalid recipe is refused with the reason', () => {
    expect(() => buildCatalog(withSynthetic({ ...RECIPE, table: { ...RECIPE.table, syntax: 'csv' } }))).toThrow(/Recipe 6 is invalid/);
    expect(() => buildCatalog(withSynthetic({ ...RECIPE, document: { ...RECIPE.document, key: 'kh-tinh-2024' } }))).toThrow(/share the key kh-tinh-2024/);
  });
});
