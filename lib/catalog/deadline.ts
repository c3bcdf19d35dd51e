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

/** "Kế hoạch số 296/KH-UBND ngày 13/12/2023", "Nghị quyết 175/NQ-CP ngày 30/10/2023": a cited document. */
const CITED_PATTERN = /(?:(?:ke hoach|quyet dinh|nghi quyet|chi thi|thong tu|nghi dinh|cong van|van ban)\s+)?(?:so\s*)?\d+\s*\/\s*[a-z0-9-]*[a-z][a-z0-9-]*\s+ngay\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/g;

/** A percentage or rank in the cell: the cell states a target, not (only) a time. */
const TARGET_PATTERN = /\d+(?:[.,]\d+)?\s*%|top\s*\d+\s*\/\s*\d+/;

/** "đạt (từ) 70% … từ quý II/2024": one stage of a staged target. */
const STAGE_PATTERN = /dat\s+(?:tu\s+)?(\d+(?:[.,]\d+)?\s*%)[^%]*?\btu\s+(quy\s*(?:iv|iii|ii|i|[1-4])\s*(?:\/|nam)\s*\d{4}|thang\s*\d{1,2}\s*\/\s*\d{4})/g;

function startOf(folded: string): string | undefined {
  const q = /quy\s*(iv|iii|ii|i|[1-4])\s*(?:\/|nam)\s*(\d{4})/.exec(folded);
  if (q) {
    const quarter = ROMAN[q[1]] ?? Number(q[1]);
    return `${q[2]}-${pad((quarter - 1) * 3 + 1)}-01`;
  }
  const m = /thang\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(folded);
  return m ? isoDate(Number(m[2]), Number(m[1]), 1) ?? undefined : undefined;
}

/**
 * The day a "từ …" phrase starts ("từ quý II/2024" → 2024-04-01, "từ tháng 7/2025" →
 * 2025-07-01, "từ năm 2025" → 2025-01-01); undefined when it is not a start.
 */
export function startingDay(raw: string): string | undefined {
  const folded = foldSameLength(stripMarkup(collapseSpaces(raw))).trim();
  if (!/^tu\s/.test(folded)) return undefined;
  const year = /^tu\s+nam\s+(\d{4})/.exec(folded);
  return year ? `${year[1]}-01-01` : startOf(folded);
}

/** Blank a span of the folded text (same length) so no later pattern reads it. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/**
 * Parse one deadline phrase. Parts are returned in reading order; the kind is
 * the single part's kind, "combination" for several, "unknown" for none.
 * Dates of cited documents are set aside (`cited`); a percentage or rank in the
 * cell is kept as `target`, and "đạt X% … từ <quý>" stages as `stages`: they start
 * then and continue, so they are never a due date.
 */
export function parseDeadline(rawInput: string): Deadline {
  const raw = collapseSpaces(rawInput);
  const clean = stripMarkup(raw);
  let text = foldSameLength(clean);
  const cited: string[] = [];
  for (const m of text.matchAll(CITED_PATTERN)) {
    cited.push(collapseSpaces(clean.slice(m.index!, m.index! + m[0].length)));
    text = blank(text, m.index!, m.index! + m[0].length);
  }
  const stages: { from: string; text: string }[] = [];
  for (const m of text.matchAll(STAGE_PATTERN)) {
    const from = startOf(m[2]);
    if (!from) continue;
    stages.push({ from, text: collapseSpaces(clean.slice(m.index!, m.index! + m[0].length)) });
    text = blank(text, m.index!, m.index! + m[0].length);
  }
  let target: string | undefined;
  if (stages.length) target = collapseSpaces(clean);
  else if (TARGET_PATTERN.test(text)) {
    // "Năm 2024: cấp tỉnh và huyện 100%; cấp xã 90%" → time "Năm 2024", target after the colon.
    const colon = clean.indexOf(':');
    target = colon > 0 && !TARGET_PATTERN.test(foldSameLength(clean.slice(0, colon)))
      ? collapseSpaces(clean.slice(colon + 1))
      : collapseSpaces(clean);
  }
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
  const kind: Deadline['kind'] = parts.length === 0
    ? (stages.length ? 'staged' : 'unknown')
    : parts.length === 1 && !stages.length ? parts[0].kind : 'combination';
  return {
    raw,
    kind,
    parts,
    ...(due ? { due } : {}),
    ...(target ? { target } : {}),
    ...(stages.length ? { stages } : {}),
    ...(cited.length ? { cited } : {}),
  };
}

/**
 * What the plans' text supports about an item on a given day — never more:
 * - done: the plan itself says "Đã hoàn thành" (and nothing recurs after it);
 * - recurring: the work recurs ("thường xuyên", "hàng tháng");
 * - starts: it starts on a day still ahead (a recurring task or a staged target);
 * - staged: a staged target whose stages have begun (shown with its stages);
 * - roadmap: it follows someone else's roadmap or instruction and sets no date of its own;
 * - period-ended: it has a date, and the plan's own period has ended (neutral: the plans
 *   record no completion, so a passed date proves nothing about the work);
 * - in-force / due-soon: the plan's period is current and its date is ahead;
 * - past-due: the plan's period is current and the date it sets has passed — the only
 *   status shown in red, worded "hạn theo kế hoạch: …", never as a judgment of the unit;
 * - unknown: the cell gives no time at all.
 */
export const DEADLINE_STATUSES = [
  'past-due', 'due-soon', 'in-force', 'starts', 'staged', 'recurring', 'roadmap', 'period-ended', 'done', 'unknown',
] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** The period a plan covers: its own ("năm 2024"), or open-ended ("năm 2024 và những năm tiếp theo"). */
export interface PlanPeriod {
  from: string;
  /** Last day the plan covers; absent when it stays in force. */
  to?: string;
}

export interface StatusOptions {
  /** Days ahead of `on` that count as "due soon". Default 30. */
  dueSoonDays?: number;
  /** The period of the plan the item belongs to; without it the plan counts as current. */
  period?: PlanPeriod;
}

export interface StatusDetail {
  status: DeadlineStatus;
  /** The day the status names: the plan's end (period-ended), the start (starts), the due day. */
  date?: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Status of a deadline on a given day (ISO date, the user's "today"), with the day it names. */
export function deadlineStatusDetail(deadline: Deadline, on: string, options: StatusOptions = {}): StatusDetail {
  const window = options.dueSoonDays ?? 30;
  const kinds = new Set(deadline.parts.map((p) => p.kind));
  const recurring = deadline.parts.find((p) => p.kind === 'recurring');
  if (kinds.has('done') && !recurring) return { status: 'done' };
  if (deadline.stages?.length) {
    const first = deadline.stages.map((s) => s.from).sort()[0];
    return first > on ? { status: 'starts', date: first } : { status: 'staged', date: first };
  }
  if (recurring) {
    if (recurring.kind === 'recurring' && recurring.from && recurring.from > on) return { status: 'starts', date: recurring.from };
    return { status: 'recurring' };
  }
  if (deadline.parts.length === 0) return { status: 'unknown' };
  const due = deadline.due;
  if (deadline.parts[0].kind === 'conditional' || !due) return { status: 'roadmap' };
  const end = options.period?.to;
  if (end && end < on) return { status: 'period-ended', date: end };
  if (due >= on) return { status: due <= addDays(on, window) ? 'due-soon' : 'in-force', date: due };
  return { status: 'past-due', date: due };
}

export function deadlineStatus(deadline: Deadline, on: string, options: StatusOptions = {}): DeadlineStatus {
  return deadlineStatusDetail(deadline, on, options).status;
}
