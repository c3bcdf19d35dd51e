import type { FilingSession, TickEvent } from '../journal/db';
import { deriveState } from '../journal/journal';
import type { JournalData } from './filter';

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Vietnamese
 * correctly), CRLF lines, RFC 4180 quoting, and cells that would start a
 * formula (= + - @) prefixed with an apostrophe so a note cannot run as one.
 */

const BOM = '\uFEFF';

const QUOTE_NEEDED = /[",\r\n;]/;
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]); // = + - @ tab CR

export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (s.length > 0 && FORMULA_START.has(s.charCodeAt(0))) s = `'${s}`;
  return QUOTE_NEEDED.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | undefined | null)[])[]): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = rows[i].map(csvCell).join(',');
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export interface CheckColumn {
  id: string;
  label: string;
}

const localTime = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export interface CsvHeadings {
  session: string; procedureCode: string; procedureName: string; dossierCode: string; staff: string; unit: string;
  created: string; demo: string; eventId: string; time: string; check: string; state: string; note: string;
  done: string; na: string;
}

/** One row per filing, one column per check ("done", "na: note", or empty). */
export function wideRows(data: JournalData, checks: readonly CheckColumn[], h: CsvHeadings): string[][] {
  const bySession = new Map<string, TickEvent[]>();
  for (const e of data.events) {
    const list = bySession.get(e.sessionId);
    if (list) list.push(e);
    else bySession.set(e.sessionId, [e]);
  }
  const rows: string[][] = [[h.session, h.procedureCode, h.procedureName, h.dossierCode, h.staff, h.unit, h.created, h.demo, ...checks.map((c) => c.label)]];
  for (const s of data.sessions) {
    const state = deriveState(bySession.get(s.id) ?? []);
    rows.push([
      s.label, s.procedureCode ?? '', s.procedureName, s.dossierCode ?? '', s.staff, s.unit, localTime(s.createdAt), s.demo ? '1' : '',
      ...checks.map((c) => {
        const st = state.get(c.id);
        if (!st) return '';
        return st.state === 'done' ? h.done : st.note ? `${h.na}: ${st.note}` : h.na;
      }),
    ]);
  }
  return rows;
}

/** One row per tick event. */
export function longRows(data: JournalData, checkLabel: (id: string) => string, h: CsvHeadings): string[][] {
  const sessions = new Map<string, FilingSession>(data.sessions.map((s) => [s.id, s]));
  const rows: string[][] = [[h.eventId, h.time, h.session, h.procedureCode, h.procedureName, h.dossierCode, h.check, h.state, h.note, h.staff, h.unit, h.demo]];
  for (const e of data.events) {
    const s = sessions.get(e.sessionId);
    rows.push([
      e.id, new Date(e.at).toISOString(), s?.label ?? e.sessionId, s?.procedureCode ?? '', s?.procedureName ?? '', s?.dossierCode ?? '',
      checkLabel(e.checkId), e.state, e.note ?? '', e.staff, e.unit, e.demo ? '1' : '',
    ]);
  }
  return rows;
}
