import { z } from 'zod';
import { collapseSpaces, comparisonKey, stripMarkup } from '../text/normalize';
import { UNIT_KINDS, UNIT_LEVELS, type Unit } from './schema';

/*
 * Responsible units ("Đơn vị chủ trì / phối hợp") as one normalized list.
 * A cell such as "Công an tỉnh, Sở Thông tin và Truyền thông; UBND cấp xã" is
 * split into unit names; each name is mapped to an entry of the reviewed list
 * (seeds/units.json) by its spelling variants, or becomes a derived entry.
 */

export const ReviewedUnitSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  aliases: z.array(z.string()),
  kind: z.enum(UNIT_KINDS),
  successor: z.string().optional(),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  successorNote: z.string().optional(),
  /** Where the entry comes from (the seed items that name it, or why it is listed). */
  provenance: z.string().min(1),
});
export const ReviewedUnitsSchema = z.array(ReviewedUnitSchema).superRefine((units, ctx) => {
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    if (u.successor && !ids.has(u.successor)) ctx.addIssue({ code: 'custom', message: `unit ${u.id}: successor ${u.successor} is not in the list` });
  }
});
export type ReviewedUnit = z.infer<typeof ReviewedUnitSchema>;

/** First words of a unit name; a comma or "và" before one of these separates two units. */
const UNIT_STARTERS = [
  'so', 'cong an', 'van phong', 'ubnd', 'uy ban', 'trung tam', 'bo', 'ban quan ly', 'ban thuong vu',
  'ban to chuc', 'ban chi huy', 'ban co yeu', 'ban dang', 'cac ban', 'ngan hang', 'bao hiem', 'toa an', 'vien',
  'cuc', 'buu dien', 'dien luc', 'phong', 'cac', 'hoi dong', 'dai', 'to', 'bql', 'mat tran', 'mttq', 'chi nhanh',
  'doanh nghiep', 'cap uy', 'dang uy', 'thong tan', 'tong cong ty', 'tap doan', 'co quan', 'chuyen gia',
  'cong thong tin', 'tinh uy', 'huyen doan', 'lien doan', 'hdnd', 'bo phan', 'nhung', 'tat ca',
];

function startsWithStarter(textAfter: string): boolean {
  const key = comparisonKey(textAfter);
  return UNIT_STARTERS.some((s) => key === s || key.startsWith(`${s} `));
}

/** Unit-name key: comparison key with "có liên quan" ≡ "liên quan" and "&" ≡ "và". */
export function unitKey(name: string): string {
  return comparisonKey(name.replace(/&/g, ' và '))
    .replace(/\bco co lien quan\b/g, 'lien quan')
    .replace(/\bco lien quan\b/g, 'lien quan')
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\bhoi dong nhan dan\b/g, 'hdnd')
    .replace(/\bthi tran\b/g, 'thi tran')
    .trim();
}

/** Words that are never a unit on their own: a cell cut off after them is truncated. */
const BARE_WORDS = new Set(['cac', 'va', 'nhung', 'tat ca', 'cac co quan', 'cac don vi']);

export function isBareFragment(name: string): boolean {
  return BARE_WORDS.has(comparisonKey(name));
}

/**
 * Split a lead/partner cell into unit names as written. `reviewedKeys` (unit keys of
 * the reviewed names, longest first) keep a reviewed name that contains a comma or
 * "và" in one piece ("BQL Khu kinh tế Nghi Sơn và các KCN").
 */
export function splitUnitCell(raw: string, reviewedKeys: readonly string[] = []): string[] {
  let text = stripMarkup(raw)
    // Parenthesized remarks: "(chính)", "(nếu có)", "(các nhiệm vụ sử dụng vốn …)".
    .replace(/\([^()]*\)/g, ' ')
    // "- Khối các cơ quan Đảng, đoàn thể: Văn phòng Tỉnh ủy" → keep the unit.
    .replace(/-?\s*Khối [^:]{1,60}:/gu, ';')
    // "Các sở, ban, ngành đề xuất, rà soát …", "… thành phố bàn giao cho …": the sentence, not units.
    .replace(/\s+(?:đề xuất|bàn giao cho)\b[^;]*/gu, '')
    .replace(/(^|[.;]\s*)[-–]\s+/g, '$1;');
  text = collapseSpaces(text);
  const pieces: string[] = [];
  for (const segment of text.split(/;|:(?=\s)/)) {
    let rest = segment.trim();
    let start = 0;
    // Walk separators left to right and cut only where a unit starts next.
    const sep = /,\s*|\s+và\s+/gu;
    let m: RegExpExecArray | null;
    while ((m = sep.exec(rest))) {
      const after = rest.slice(m.index + m[0].length);
      const before = unitKey(rest.slice(start, m.index));
      const fromStart = unitKey(rest.slice(start));
      const spans = reviewedKeys.some((k) => k.length > before.length && (fromStart === k || fromStart.startsWith(`${k} `)));
      if (!spans && startsWithStarter(after)) {
        pieces.push(rest.slice(start, m.index));
        start = m.index + m[0].length;
      }
    }
    pieces.push(rest.slice(start));
    rest = '';
  }
  const out: string[] = [];
  for (const piece of pieces) {
    const name = collapseSpaces(piece)
      .replace(/^[\s,.;:–-]+|[\s,.;:–-]+$/g, '')
      .replace(/^(và|hoặc)\s+/u, '')
      // Trailing verbs that belong to the sentence, not the unit name.
      .replace(/\s+(chủ trì|hướng dẫn|đôn đốc|thực hiện|chỉ đạo|phối hợp)\b.*$/u, '')
      .trim();
    if (!name || name === '-') continue;
    // "UBND cấp huyện, cấp xã" → two units.
    const twoLevels = /^(.*\bcấp)\s+(\S+)(?:,|\s+và)\s+cấp\s+(\S+)$/u.exec(name);
    if (twoLevels) {
      out.push(`${twoLevels[1]} ${twoLevels[2]}`, `${twoLevels[1]} ${twoLevels[3]}`);
    } else {
      out.push(name);
    }
  }
  return out;
}

function slug(key: string): string {
  return key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
}

/** Builds the unit list while the ingester resolves cells. */
export class UnitRegistry {
  private readonly byAlias = new Map<string, ReviewedUnit>();
  private readonly aliasKeys: string[];
  private readonly units = new Map<string, Unit>();

  constructor(private readonly reviewed: ReviewedUnit[]) {
    for (const unit of reviewed) {
      for (const alias of [unit.name, ...unit.aliases]) {
        const key = unitKey(alias);
        const existing = this.byAlias.get(key);
        if (existing && existing.id !== unit.id) {
          throw new Error(`Alias "${alias}" is listed for both ${existing.id} and ${unit.id} in seeds/units.json`);
        }
        this.byAlias.set(key, unit);
      }
    }
    // Longest first, so "van phong ubnd tinh" wins over "van phong ubnd".
    this.aliasKeys = [...this.byAlias.keys()].sort((a, b) => b.length - a.length);
  }

  /** Resolve one unit name to an id, registering the spelling as a variant. */
  resolveName(name: string): string {
    const key = unitKey(name);
    let reviewed = this.byAlias.get(key);
    if (!reviewed) {
      const prefix = this.aliasKeys.find((a) => key.startsWith(`${a} `));
      if (prefix) reviewed = this.byAlias.get(prefix);
    }
    const id = reviewed ? reviewed.id : `x-${slug(key)}`;
    let unit = this.units.get(id);
    if (!unit) {
      unit = reviewed
        ? {
            id, name: reviewed.name, level: reviewed.level, variants: [], reviewed: true, kind: reviewed.kind,
            ...(reviewed.successor ? { successor: reviewed.successor } : {}),
            ...(reviewed.until ? { until: reviewed.until } : {}),
          }
        : { id, name, level: guessLevel(key), variants: [], reviewed: false };
      this.units.set(id, unit);
    }
    if (!unit.variants.includes(name)) unit.variants.push(name);
    return id;
  }

  /**
   * Pieces of cells that are no known unit, with the item they came from: a bare word
   * left by a truncated cell ("các"), or a name the registry does not know. Reported by
   * the build, never minted as a unit.
   */
  readonly fragments: { ref: string; text: string; why: 'bare' | 'unknown' }[] = [];

  /** Whether a name is in the registry (exactly, or starting with a reviewed name). */
  knows(name: string): boolean {
    const key = unitKey(name);
    return this.byAlias.has(key) || this.aliasKeys.some((a) => key.startsWith(`${a} `));
  }

  /** Resolve a name from a seed cell: its registry id, or null (reported in `fragments`). */
  private resolveKnown(name: string, ref: string): string | null {
    if (!this.knows(name)) {
      this.fragments.push({ ref, text: name, why: 'unknown' });
      return null;
    }
    return this.resolveName(name);
  }

  /**
   * Resolve a whole cell; ids are unique and in reading order. A piece that is no
   * unit on its own is reported in `fragments`, never minted. A piece that is not a
   * reviewed name but ends with one after a reviewed starter ("Ngân hàng Công an
   * huyện": banks and the district police, the comma lost) is split in two.
   */
  resolveCell(raw: string, ref = '', options: { central?: boolean } = {}): string[] {
    const ids: string[] = [];
    const push = (id: string) => {
      if (!ids.includes(id)) ids.push(id);
    };
    const clean = collapseSpaces(stripMarkup(raw));
    // "Các Bộ: Lao động, Thương binh và Xã hội; Y tế; …" — a list of ministries named without "Bộ".
    const ministries = /^Các Bộ\s*:\s*(.*)$/iu.exec(clean);
    if (ministries || (options.central && this.ministryList(clean, ref, true).length > 1)) {
      return this.ministryList(ministries ? ministries[1] : clean, ref, false);
    }
    // A central plan's cell of named provinces ("09 địa phương: An Giang, …", "UBND TP Hà Nội, TP Hồ Chí Minh, …").
    if (options.central && /^(?:\d+\s+địa phương\s*:|UBND\s+(?:TP|tỉnh)\s)/u.test(clean) && clean.includes(',')) {
      const id = this.resolveName('UBND tỉnh Thừa Thiên Huế');
      const unit = this.units.get(id)!;
      if (!unit.variants.includes(clean)) unit.variants.push(clean);
      return [id];
    }
    for (const name of splitUnitCell(raw, this.aliasKeys)) {
      if (isBareFragment(name)) {
        this.fragments.push({ ref, text: name, why: 'bare' });
        continue;
      }
      const glued = this.splitGlued(name);
      for (const n of glued ?? [name]) {
        const id = this.resolveKnown(n, ref);
        if (id) push(id);
      }
    }
    return ids;
  }

  /**
   * A list of ministries named without "Bộ": names are joined back across commas where
   * the registry knows the joined name ("Lao động, Thương binh và Xã hội"). With `probe`,
   * only counts what it would find (ids of names known as "Bộ …"), registering nothing.
   */
  private ministryList(list: string, ref: string, probe: boolean): string[] {
    const tokens = list
      // "… Du lịch và tinh Thừa Thiên Huế": a province closing the list.
      .replace(/\s+và\s+(?:tỉnh|tinh)\s+/gu, ', UBND tỉnh ')
      .split(/\s*[,;]\s*/u).map((t) => t.replace(/\.$/, '').trim()).filter(Boolean);
    const known = (name: string) => this.byAlias.get(unitKey(name));
    const ids: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let step = 0;
      for (let n = Math.min(4, tokens.length - i); n >= 1 && !step; n--) {
        const joined = tokens.slice(i, i + n).join(', ');
        const asMinistry = known(`Bộ ${joined}`);
        const asIs = asMinistry ? undefined : known(joined);
        const unit = asMinistry ?? asIs;
        if (unit) {
          if (probe) {
            if (asMinistry) ids.push(unit.id);
          } else {
            const id = this.resolveName(asMinistry ? `Bộ ${joined}` : joined);
            if (!ids.includes(id)) ids.push(id);
          }
          step = n;
        }
      }
      if (!step) {
        // "… và các đơn vị có liên quan", "Ủy ban Dân tộc, Văn hóa, … và tinh Thừa Thiên Huế": split on "và".
        if (!probe) {
          for (const piece of tokens[i].split(/\s+và\s+/u)) {
            const name = piece.trim();
            if (!name) continue;
            const unit = known(`Bộ ${name}`) ?? known(name);
            if (unit) {
              const id = this.resolveName(known(`Bộ ${name}`) ? `Bộ ${name}` : name);
              if (!ids.includes(id)) ids.push(id);
            } else {
              this.fragments.push({ ref, text: name, why: /^(?:các|những)\b/iu.test(name) || name.length < 4 ? 'bare' : 'unknown' });
            }
          }
        }
        step = 1;
      }
      i += step;
    }
    return ids;
  }

  private splitGlued(name: string): [string, string] | null {
    const key = unitKey(name);
    if (this.byAlias.has(key)) return null;
    const words = collapseSpaces(name).split(' ');
    for (let i = 1; i < words.length; i++) {
      const head = words.slice(0, i).join(' ');
      const tail = words.slice(i).join(' ');
      const headIsUnit = this.byAlias.has(unitKey(head)) || UNIT_STARTERS.includes(unitKey(head));
      if (headIsUnit && this.byAlias.has(unitKey(tail))) return [head, tail];
    }
    return null;
  }

  /** Every unit met in the seeds, plus reviewed entries named only as successors (the officer may be one). */
  list(): Unit[] {
    const successors = new Set(this.reviewed.map((u) => u.successor).filter(Boolean));
    for (const r of this.reviewed) {
      if (this.units.has(r.id) || !successors.has(r.id)) continue;
      this.units.set(r.id, { id: r.id, name: r.name, level: r.level, variants: [], reviewed: true, kind: r.kind });
    }
    return [...this.units.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

function guessLevel(key: string): Unit['level'] {
  if (/\bcap xa\b|\bxa\b.*\bthi tran\b|\bxa phuong\b/.test(key)) return 'commune';
  if (/\bhuyen\b/.test(key)) return 'district';
  if (/\btinh\b|thanh hoa/.test(key)) return 'province';
  if (/^bo\b|\bchinh phu\b|\btrung uong\b|viet nam/.test(key)) return 'central';
  return 'other';
}
