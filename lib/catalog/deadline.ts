import { collapseSpaces, foldSameLength, stripMarkup } from '../text/normalize';
import type { Deadline, DeadlinePart } from './schema';

/*
 * Deadline phrases of the plans ("Quý I/2024 và thực hiện thường xuyên",
 * "Theo lộ trình của Bộ Tư pháp", "Đã hoàn thành", …) parsed into parts.
 * Matching runs on the diacritic-folded text so OCR slips in accents
 * ("Kê hoạch", "Phản đầu") do not defeat it; the raw phrase is always kept.
 */

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function plausibleYear(y: number): boolean {
  return y >= 2015 && y <= 2035;
}

/** Last day covered by a dated part (undefined for undated parts). */
export function partEnd(part: DeadlinePart): string | undefined {
  switch (part.kind) {
    case 'date':
      return part.date;
    case 'month':
      return lastDayOfMonth(part.year, part.month);
    case 'quarter':
      return lastDayOfMonth(part.year, part.quarter * 3);
    case 'year':
      return `${part.year}-12-31`;
    case 'range':
      return part.to;
    default:
      return undefined;
  }
}

/** Words that make a deadline depend on someone else's schedule. */
const CONDITIONAL_PATTERNS: RegExp[] = [
  /theo (?:tien do,? )?lo trinh[^;,()]*/,
  /theo tien do[^;,()]*/,
  /theo (?:huong dan,? )?chi dao[^;,()]*/,
  /theo huong dan[^;,()]*/,
  /theo ke hoach cua[^;,()]*/,
  /theo yeu cau[^;,()]*/,
  /khi co (?:chi dao|yeu cau|huong dan)[^;,()]*/,
  /sau khi [^;,()]*trien khai[^;,()]*/,
  /ngay khi [^;,()]*/,
  /trong qua trinh thuc hien[^;,()]*/,
];

const RECURRING_PATTERN = /thuong xuyen|hang thang|hang nam|hang tuan|dinh ky/;
const DONE_PATTERN = /da hoan thanh/;

/**
 * Parse one deadline phrase. Parts are returned in reading order; the kind is
 * the single part's kind, "combination" for several, "unknown" for none.
 */
export function parseDeadline(rawInput: string): Deadline {
  const raw = collapseSpaces(rawInput);
  const clean = stripMarkup(raw);
  const text = foldSameLength(clean);
  const found: { at: number; part: DeadlinePart }[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (at: number, end: number, part: DeadlinePart) => {
    if (overlaps(at, end)) return;
    taken.push([at, end]);
    found.push({ at, part });
  };

  if (DONE_PATTERN.test(text)) {
    const m = DONE_PATTERN.exec(text)!;
    add(m.index, m.index + m[0].length, { kind: 'done' });
  }

  // Full dates: 30/9/2024, "trước ngày 15/7/2025", "trước tháng 30/11/2024".
  for (const m of text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)) {
    const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (date && plausibleYear(Number(m[3]))) add(m.index!, m.index! + m[0].length, { kind: 'date', date });
  }

  // Quarters: "Quý I/2024", "quý II/2024", "Quý IV năm 2024", "quý III năm 2024".
  for (const m of text.matchAll(/quy\s*(iv|iii|ii|i|[1-4])\s*(?:\/|nam)\s*(\d{4})/g)) {
    const q = ROMAN[m[1]] ?? Number(m[1]);
    add(m.index!, m.index! + m[0].length, { kind: 'quarter', year: Number(m[2]), quarter: q });
  }
  // "từ quý II/2024 và đạt 90% trở lên từ quý III năm 2024" handled above; a bare
  // "quý I" without a year is left unknown on purpose.

  // Months: "Tháng 5/2024", "trong tháng 6/2025", "Hoàn thành trong 6/2024".
  for (const m of text.matchAll(/(?:thang|trong)\s*(\d{1,2})\s*\/\s*(\d{4})/g)) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month >= 1 && month <= 12 && plausibleYear(year)) {
      add(m.index!, m.index! + m[0].length, { kind: 'month', year, month });
    }
  }

  // Year ranges: "2024-2025", "Giai đoạn 2023 - 2025", "năm 2024 và 2025",
  // "trong 2024, 2025", "năm học 2024 - 2025".
  for (const m of text.matchAll(/(\d{4})\s*(?:-|–|va|,)\s*(?:nam\s*)?(\d{4})/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (plausibleYear(a) && plausibleYear(b) && b > a) {
      add(m.index!, m.index! + m[0].length, { kind: 'range', from: `${a}-01-01`, to: `${b}-12-31` });
    }
  }

  // "trước năm 2025": due the end of the year before.
  for (const m of text.matchAll(/truoc nam (\d{4})/g)) {
    const y = Number(m[1]) - 1;
    add(m.index!, m.index! + m[0].length, { kind: 'year', year: y });
  }

  // Single years: "Năm 2024", "trong năm 2024", "đến năm 2025", bare "2024".
  for (const m of text.matchAll(/(?<![\d/])(\d{4})(?![\d/])/g)) {
    const y = Number(m[1]);
    if (plausibleYear(y)) add(m.index!, m.index! + m[0].length, { kind: 'year', year: y });
  }

  // "Từ tháng 01/2024 và thực hiện thường xuyên": a recurring part that starts then.
  const recurring = RECURRING_PATTERN.exec(text);
  if (recurring) {
    const from = /tu thang (\d{1,2})\/(\d{4})/.exec(text);
    const part: DeadlinePart = from
      ? { kind: 'recurring', from: isoDate(Number(from[2]), Number(from[1]), 1) ?? undefined }
      : { kind: 'recurring' };
    found.push({ at: recurring.index, part });
  }

  for (const pattern of CONDITIONAL_PATTERNS) {
    const m = pattern.exec(text);
    if (m && !overlaps(m.index, m.index + m[0].length)) {
      // Report the condition in the original spelling.
      const condition = collapseSpaces(clean.slice(m.index, m.index + m[0].length)).replace(/[.;,]+$/, '');
      add(m.index, m.index + m[0].length, { kind: 'conditional', condition });
    }
  }

  found.sort((a, b) => a.at - b.at);
  // A recurring "from" month is already expressed by its recurring part.
  const parts = found
    .map((f) => f.part)
    .filter((p, _i, all) => {
      if (p.kind !== 'month') return true;
      const rec = all.find((q) => q.kind === 'recurring' && q.from);
      return !(rec && rec.kind === 'recurring' && rec.from === isoDate(p.year, p.month, 1));
    });

  const ends = parts.map(partEnd).filter((e): e is string => Boolean(e)).sort();
  const due = ends.length ? ends[ends.length - 1] : undefined;
  const kind: Deadline['kind'] = parts.length === 0 ? 'unknown' : parts.length === 1 ? parts[0].kind : 'combination';
  return due ? { raw, kind, parts, due } : { raw, kind, parts };
}

export const DEADLINE_STATUSES = [
  'done', 'overdue', 'due-soon', 'ongoing', 'recurring', 'conditional', 'unknown',
] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface StatusOptions {
  /** Days ahead of `on` that count as "due soon". Default 30. */
  dueSoonDays?: number;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Status of a deadline on a given day (ISO date, the user's "today").
 * - done: the plan says "Đã hoàn thành" and nothing recurs after it;
 * - recurring: the work recurs and no dated part is still ahead;
 * - conditional: the phrase starts with someone else's schedule, or has no date;
 * - overdue / due-soon / ongoing: from the latest dated part.
 */
export function deadlineStatus(deadline: Deadline, on: string, options: StatusOptions = {}): DeadlineStatus {
  const window = options.dueSoonDays ?? 30;
  const kinds = new Set(deadline.parts.map((p) => p.kind));
  const hasRecurring = kinds.has('recurring');
  if (kinds.has('done')) return hasRecurring ? 'recurring' : 'done';
  if (deadline.parts.length === 0) return 'unknown';
  const leadsWithCondition = deadline.parts[0].kind === 'conditional';
  const due = deadline.due;
  if (due && due >= on) {
    return due <= addDays(on, window) ? 'due-soon' : 'ongoing';
  }
  if (hasRecurring) return 'recurring';
  if (leadsWithCondition || !due) return 'conditional';
  return 'overdue';
}
