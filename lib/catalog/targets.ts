import { collapseSpaces, foldSameLength, stripMarkup } from '../text/normalize';
import { parseDeadline } from './deadline';
import type { Target } from './schema';

/*
 * Quantitative goals ("100% thủ tục hành chính…", "Tối thiểu 90%…",
 * "cấp tỉnh và huyện 100%; cấp xã 90%", "top 15/63", "982 dịch vụ công…")
 * found in a sentence. The comparator reads the words around the number:
 * "tối thiểu / ít nhất / đạt từ / trở lên" → at-least; 100% → exactly (all);
 * a bare lower percentage in a plan is a floor, so at-least as well.
 */

export interface Quantity {
  value: number;
  unit: Target['unit'];
  comparator: Target['comparator'];
  countOf?: string;
  scope?: string;
  /** The clause the quantity sits in (display text). */
  clause: string;
  /** Own time frame of the clause ("từ quý II/2024"), when it states one. */
  period?: { raw: string; due?: string };
}

const AT_LEAST_BEFORE = /(toi thieu|it nhat|dat tu|tren|khong duoi)\s*$/;
const SCOPE = /cap (tinh|huyen|xa|bo)(?:\s*(?:va|,)\s*(?:cap\s*)?(tinh|huyen|xa|bo))*/;
const COUNT_NOUN =
  /^(dich vu cong(?: truc tuyen)?(?: toan trinh)?|nhom thu tuc hanh chinh|co so du lieu(?: quoc gia va chuyen nganh)?|phong hop(?: truc tuyen)?(?: chuyen dung)?|ho so\/nam|don vi cap xa|thu tuc hanh chinh|mo hinh)/;

function parseNumber(text: string): number {
  // "1.000" is a thousands separator in Vietnamese; "2,5" a decimal comma.
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
  return Number(text.replace(',', '.'));
}

function findScope(folded: string, original: string, from: number, to: number): string | undefined {
  const m = SCOPE.exec(folded.slice(from, to));
  return m ? original.slice(from + m.index, from + m.index + m[0].length) : undefined;
}

const OWN_TIME = /(truoc ngay|truoc thang|tu quy|trong quy|quy (?:iv|iii|ii|i)\b|trong nam \d{4}|den nam \d{4})/;

/** Time frame stated right after a quantity ("… 70% trở lên từ quý II/2024"). */
function segmentPeriod(original: string, folded: string, from: number, to: number): Quantity['period'] {
  const seg = folded.slice(from, to);
  if (!OWN_TIME.test(seg)) return undefined;
  const text = original.slice(from, to).trim();
  const d = parseDeadline(text);
  return d.due ? { raw: text.replace(/^[\s,.;:]*(trở lên)?\s*/u, '').replace(/[\s,.;:]*(và|và đạt)?\s*$/u, ''), due: d.due } : undefined;
}

/**
 * Quantities in a text. `counts` also reads plain counts ("982 dịch vụ công…"),
 * which only the plans' target sections use; task rows state counts only with
 * "tối thiểu / ít nhất".
 */
export function extractQuantities(rawText: string, options: { counts?: boolean } = {}): Quantity[] {
  const text = stripMarkup(rawText);
  const out: Quantity[] = [];
  // Clauses: split at ";" and at list bullets inside a cell ("+ …").
  const clauses = text.split(/;|\s\+\s/).map((c) => c.trim()).filter(Boolean);
  for (const clause of clauses) {
    const folded = foldSameLength(clause);
    const marks: { start: number; end: number; q: Omit<Quantity, 'clause' | 'scope'> }[] = [];
    for (const m of folded.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s*%(\s*tro len)?/g)) {
      const before = folded.slice(0, m.index);
      const value = parseNumber(m[1]);
      const atLeast = AT_LEAST_BEFORE.test(before) || Boolean(m[2]);
      marks.push({
        start: m.index!,
        end: m.index! + m[0].length,
        q: { value, unit: '%', comparator: atLeast || value < 100 ? 'at-least' : 'exactly' },
      });
    }
    for (const m of folded.matchAll(/top\s*(\d{1,3})\s*\/\s*(\d{1,3})/g)) {
      marks.push({
        start: m.index!,
        end: m.index! + m[0].length,
        q: { value: Number(m[1]), unit: 'rank', comparator: 'at-most', countOf: `thứ hạng trên ${m[2]}` },
      });
    }
    for (const m of folded.matchAll(/(toi thieu|it nhat)\s+(\d[\d.]*)\s+(?!%)([^,;.()%]{2,60})/g)) {
      if (/^\d[\d.]*\s*%/.test(folded.slice(m.index! + m[1].length).trim())) continue;
      const nounStart = m.index! + m[0].length - m[3].length;
      marks.push({
        start: m.index!,
        end: m.index! + m[0].length,
        q: {
          value: parseNumber(m[2]),
          unit: 'count',
          comparator: 'at-least',
          countOf: collapseSpaces(clause.slice(nounStart, nounStart + m[3].length)).split(/\s+(?:và|với|để|trong|theo|của)\s+/u)[0],
        },
      });
    }
    if (options.counts && !marks.some((mk) => mk.q.unit !== 'count')) {
      for (const m of folded.matchAll(/(?<![\d/.])(\d{1,3}(?:\.\d{3})*)\s+(?=[a-z])/g)) {
        const after = folded.slice(m.index! + m[0].length);
        const noun = COUNT_NOUN.exec(after);
        if (!noun) continue;
        const nounStart = m.index! + m[0].length;
        marks.push({
          start: m.index!,
          end: nounStart + noun[0].length,
          q: {
            value: parseNumber(m[1]),
            unit: 'count',
            comparator: 'exactly',
            countOf: clause.slice(nounStart, nounStart + noun[0].length),
          },
        });
      }
    }
    marks.sort((a, b) => a.start - b.start);
    const deduped = marks.filter((mk, i) => i === 0 || mk.start >= marks[i - 1].end);
    deduped.forEach((mk, i) => {
      const next = deduped[i + 1]?.start ?? clause.length;
      const prevEnd = i === 0 ? 0 : deduped[i - 1].end;
      const scope = findScope(folded, clause, mk.end, next) ?? findScope(folded, clause, prevEnd, mk.start);
      const period = segmentPeriod(clause, folded, mk.end, next);
      out.push({ ...mk.q, clause, ...(scope ? { scope } : {}), ...(period ? { period } : {}) });
    });
  }
  return out;
}
