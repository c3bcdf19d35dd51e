import type { FilingSession, TickEvent } from '../journal/db';
import { deriveState } from '../journal/journal';
import { DEFAULT_ZONE, localDateTime, offsetLabel } from '../text/format';
import type { JournalData } from './filter';

/**
 * CSV for Excel in a Vietnamese office: UTF-8 with a byte-order mark (Excel
 * then reads Vietnamese as UTF-8), ";" between cells (the list separator of
 * Windows' Vietnamese regional settings, where "," is the decimal mark, so a
 * double-clicked file opens in columns), CRLF lines, RFC 4180 quoting, and
 * cells that would start a formula (= + - @) prefixed with an apostrophe so a
 * note cannot run as one. No "sep=;" line: with one, Excel ignores the BOM and
 * Vietnamese letters turn to mojibake. Offices whose Excel uses "," take XLSX.
 */

const BOM = '\uFEFF';

/** The separator the files use: Vietnamese regional settings' list separator. */
export const CSV_SEPARATOR = ';';

const QUOTE_NEEDED = /[",\r\n;]/;
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]); // = + - @ tab CR

export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (s.length > 0 && FORMULA_START.has(s.charCodeAt(0))) s = `'${s}`;
  return QUOTE_NEEDED.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | undefined | null)[])[], separator: string = CSV_SEPARATOR): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = rows[i].map(csvCell).join(separator);
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export interface CheckColumn {
  id: string;
  label: string;
}

export interface CsvHeadings {
  session: string; procedureCode: string; procedureName: string; dossierCode: string; staff: string; unit: string;
  created: string; demo: string; eventId: string; time: string; check: string; state: string; note: string;
  done: string; na: string;
  /** The word for a "cleared" tick (default: the raw state). */
  cleared?: string;
  /** What a demo row says in the demo column (default "1"). */
  yes?: string;
}

/** Options shared by both row builders. */
export interface RowOptions {
  /** IANA zone the times are written in (default Asia/Ho_Chi_Minh); the time headings name it. */
  zone?: string;
}

/** "Thời điểm (Asia/Ho_Chi_Minh, UTC+07:00)" — a time heading that says which clock it is. */
export function zonedHeading(heading: string, zone: string, at: number = Date.now()): string {
  return `${heading} (${zone}, ${offsetLabel(at, zone)})`;
}

const byTimeThenId = <T extends { id: string }>(time: (x: T) => number) => (a: T, b: T) =>
  time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sortedCopy<T>(list: readonly T[], compare: (a: T, b: T) => number): T[] {
  const out = list.slice();
  out.sort(compare);
  return out;
}

/** One row per filing, oldest first, one column per check ("Đã làm", "Không áp dụng: note", or empty). */
export function wideRows(data: JournalData, checks: readonly CheckColumn[], h: CsvHeadings, options: RowOptions = {}): string[][] {
  const zone = options.zone ?? DEFAULT_ZONE;
  const bySession = new Map<string, TickEvent[]>();
  for (const e of data.events) {
    const list = bySession.get(e.sessionId);
    if (list) list.push(e);
    else bySession.set(e.sessionId, [e]);
  }
  const sessions = sortedCopy(data.sessions, byTimeThenId<FilingSession>((s) => s.createdAt));
  const at = sessions.length > 0 ? sessions[0].createdAt : Date.now();
  const head = [h.session, h.procedureCode, h.procedureName, h.dossierCode, h.staff, h.unit, zonedHeading(h.created, zone, at), h.demo];
  for (const c of checks) head.push(c.label);
  const rows: string[][] = [head];
  for (const s of sessions) {
    const state = deriveState(bySession.get(s.id) ?? []);
    const row = [s.label, s.procedureCode ?? '', s.procedureName, s.dossierCode ?? '', s.staff, s.unit, localDateTime(s.createdAt, zone), s.demo ? (h.yes ?? '1') : ''];
    for (const c of checks) {
      const st = state.get(c.id);
      row.push(!st ? '' : st.state === 'done' ? h.done : st.note ? `${h.na}: ${st.note}` : h.na);
    }
    rows.push(row);
  }
  return rows;
}

/** One row per tick, in the order they happened (time, then id). */
export function longRows(data: JournalData, checkLabel: (id: string) => string, h: CsvHeadings, options: RowOptions = {}): string[][] {
  const zone = options.zone ?? DEFAULT_ZONE;
  const sessions = new Map<string, FilingSession>(data.sessions.map((s) => [s.id, s]));
  const events = sortedCopy(data.events, byTimeThenId<TickEvent>((e) => e.at));
  const at = events.length > 0 ? events[0].at : Date.now();
  const stateWord = (s: TickEvent['state']) => (s === 'done' ? h.done : s === 'na' ? h.na : (h.cleared ?? s));
  const rows: string[][] = [[h.eventId, zonedHeading(h.time, zone, at), h.session, h.procedureCode, h.procedureName, h.dossierCode, h.check, h.state, h.note, h.staff, h.unit, h.demo]];
  for (const e of events) {
    const s = sessions.get(e.sessionId);
    rows.push([
      e.id, localDateTime(e.at, zone), s?.label ?? e.sessionId, s?.procedureCode ?? '', s?.procedureName ?? '', s?.dossierCode ?? '',
      checkLabel(e.checkId), stateWord(e.state), e.note ?? '', e.staff, e.unit, e.demo ? (h.yes ?? '1') : '',
    ]);
  }
  return rows;
}
