/**
 * Numbers, dates and weeks as a Vietnamese office reads them: rates through
 * Intl (vi-VN: "66,7%"), times in one named time zone (Asia/Ho_Chi_Minh unless
 * told otherwise, never the machine's zone or UTC), ISO weeks of the local
 * calendar day. Plain TypeScript, no DOM: exports, the report page and the
 * tests share it.
 */

/** The zone every date in a report or an export is written in, unless told otherwise. */
export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

export type NumberLocale = 'vi' | 'en';

const intlLocale = (locale: NumberLocale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A rate (0..1) as a percentage with at most one decimal: vi "66,7%", en "66.7%"; null → "—". */
export function formatPercent(rate: number | null | undefined, locale: NumberLocale): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(locale, f);
  }
  return f.format(rate);
}

/** A plain number with the locale's grouping: vi "10.000", en "10,000". */
export function formatCount(n: number, locale: NumberLocale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields straight from Intl (slow: a few microseconds a call). */
function intlParts(ms: number, zone: string): Parts {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partFormats.set(zone, f);
  }
  const out: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type in out) out[p.type as keyof Parts] = Number(p.value);
  }
  return out;
}

// Zones change their offset only on quarter hours, so one Intl call per zone and
// quarter hour is enough; reports format hundreds of thousands of times.
const QUARTER = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/** Minutes the zone is ahead of UTC at that instant (Asia/Ho_Chi_Minh: 420). */
export function zoneOffsetMinutes(ms: number, zone: string = DEFAULT_ZONE): number {
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const q = Math.floor(ms / QUARTER);
  let m = cache.get(q);
  if (m === undefined) {
    const at = q * QUARTER;
    const p = intlParts(at, zone);
    m = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at) / 60_000);
    if (cache.size > 100_000) cache.clear();
    cache.set(q, m);
  }
  return m;
}

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(ms: number, zone: string = DEFAULT_ZONE): Parts {
  const d = new Date(ms + zoneOffsetMinutes(ms, zone) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "UTC+07:00" */
export function offsetLabel(ms: number, zone: string = DEFAULT_ZONE): string {
  const m = zoneOffsetMinutes(ms, zone);
  const sign = m < 0 ? '-' : '+';
  const a = Math.abs(m);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** "2026-11-23" — the local calendar day (sorts as text, Excel reads it as a date). */
export function localDay(ms: number, zone: string = DEFAULT_ZONE): string {
  const p = zonedParts(ms, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11-23 08:05:09" — local wall-clock time, seconds kept so rows sort the way they happened. */
export function localDateTime(ms: number, zone: string = DEFAULT_ZONE): string {
  const p = zonedParts(ms, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** A day as people write it: vi "23/11/2026", en "23 Nov 2026". */
export function displayDay(ms: number, locale: NumberLocale, zone: string = DEFAULT_ZONE): string {
  const opts: Intl.DateTimeFormatOptions = locale === 'vi'
    ? { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' }
    : { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale(locale), opts).format(new Date(ms));
}

/** Day and time for a printed page: vi "23/11/2026 08:05". */
export function displayDateTime(ms: number, locale: NumberLocale, zone: string = DEFAULT_ZONE): string {
  const p = zonedParts(ms, zone);
  return `${displayDay(ms, locale, zone)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant local midnight starts the day "YYYY-MM-DD" in the zone. */
export function dayStartIn(day: string, zone: string = DEFAULT_ZONE): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two passes settle the offset even on a day the zone changes it.
  let t = wall - zoneOffsetMinutes(wall, zone) * 60_000;
  t = wall - zoneOffsetMinutes(t, zone) * 60_000;
  return t;
}

/** ISO week "2026-W48" of the local calendar day (a Monday 06:30 in Hà Nội is that Monday's week, not the previous one). */
export function isoWeekIn(ms: number, zone: string = DEFAULT_ZONE): string {
  const p = zonedParts(ms, zone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const dayNum = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dayNum); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${pad(week)}`;
}

/** The Monday of an ISO week key "2026-W48", as a UTC-midnight instant (format it with zone "UTC"). */
export function isoWeekMonday(key: string): number | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = new Date(jan4).getUTCDay() || 7;
  return jan4 - (jan4Day - 1) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
}
