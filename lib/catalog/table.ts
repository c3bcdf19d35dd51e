import { collapseSpaces, foldDiacritics, stripMarkup } from '../text/normalize';

/*
 * Tables of the seeds, as the PDF/Word conversion left them:
 * - tab-separated rows (recipe `"syntax": "tab"`);
 * - `|`-separated rows with `|---|` rules (recipe `"syntax": "pipe"`).
 * A row may be split at a page break: the header line repeats and the next
 * line(s) start with an empty first cell and continue the previous row cell
 * by cell. This module turns such text into rows, group headings and the
 * continuation lines it merged, with line numbers for provenance.
 */

export interface TableLine {
  /** 1-based line number in the seed file. */
  line: number;
  cells: string[];
}

export interface RawRow {
  number: string;
  cells: string[];
  firstLine: number;
  lastLine: number;
  /** Continuation lines merged into this row (cells after the empty first one). */
  continuations: TableLine[];
}

export interface RawHeading {
  numeral: string;
  title: string;
  declared: number | null;
  /** True when the "(NN nhiệm vụ" count lacks its closing parenthesis. */
  unclosed: boolean;
  line: number;
}

export type TableEvent =
  | { type: 'row'; row: RawRow }
  | { type: 'heading'; heading: RawHeading }
  | { type: 'orphan'; line: number; cells: string[] };

const ROMAN_NUMERAL = /^(X|IX|VIII|VII|VI|V|IV|III|II|I)\b\.?\s*(.*)$/;
const SECTION_LETTER = /^([A-ZА-Я])$/u;

/** Split a tab-table line into cells (markup kept; cleaned later). */
export function splitTabLine(line: string): string[] {
  return line.split('\t');
}

/** Split a `|` table line: "| a | b |" → ["a", "b"]. */
export function splitPipeLine(line: string): string[] {
  const trimmed = line.trim();
  const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

export function isPipeRule(line: string): boolean {
  return /^\|[\s|:-]*-[\s|:-]*\|?$/.test(line.trim());
}

function clean(cell: string): string {
  return stripMarkup(cell);
}

/** The header line that repeats on every page ("TT  Nội dung …", "STT | …"). */
export function isHeaderLine(cells: string[]): boolean {
  const first = foldDiacritics(clean(cells[0] ?? ''));
  return first === 'tt' || first === 'stt';
}

/** The second header line of a models table ("", "", "Chủ trì", "Phối hợp", "Đơn vị hỗ trợ"). */
export function isSubHeaderLine(cells: string[]): boolean {
  const folded = cells.map((c) => foldDiacritics(clean(c)));
  return folded.includes('chu tri') && folded.includes('phoi hop') && folded.every((c) => c.length < 20);
}

/**
 * A group heading row: a Roman numeral then a title with a declared count,
 * in one cell ("<b>III Nhóm … (05 nhiệm vụ)</b>") or two ("I", "Về pháp lý (03 nhiệm vụ)").
 */
export function parseHeading(cells: string[], line: number): RawHeading | null {
  const nonEmpty = cells.map(clean).filter((c) => c.length > 0);
  if (nonEmpty.length === 0 || nonEmpty.length > 2) return null;
  const joined = collapseSpaces(nonEmpty.join(' '));
  const m = ROMAN_NUMERAL.exec(joined);
  if (!m || !m[2]) return null;
  const title = m[2].trim();
  // Real headings either declare a count or are short; numbered rows never start with a numeral.
  const count = /\((\d+)\s*(nhi[eệ]m v[uụ]|m[oô] h[iì]nh)(\)?)/iu.exec(title);
  if (!count && title.length > 120) return null;
  return {
    numeral: m[1],
    title: count ? title.slice(0, count.index).trim() : title,
    declared: count ? Number(count[1]) : null,
    unclosed: count ? count[3] !== ')' : false,
    line,
  };
}

/** A numbered row: "16." or "16" in the first cell. */
export function rowNumber(cell: string): string | null {
  const m = /^(\d{1,3})\.?$/.exec(clean(cell));
  return m ? m[1] : null;
}

export interface ParseOptions {
  /** Recognize one-letter section rows (pipe tables: A, B, C). */
  sectionLetters?: boolean;
}

/**
 * Walk table lines in order and produce rows, headings and orphan
 * continuation lines (a continuation seen before any row).
 * Continuations are merged into the row before them; the caller may
 * re-assign one (see the lost-row defect) by inspecting `continuations`.
 */
export function parseTableLines(lines: TableLine[], options: ParseOptions = {}): TableEvent[] {
  const events: TableEvent[] = [];
  let current: RawRow | null = null;
  for (const { line, cells } of lines) {
    if (cells.every((c) => clean(c) === '')) continue;
    if (isHeaderLine(cells) || isSubHeaderLine(cells)) continue;
    const number = rowNumber(cells[0] ?? '');
    if (number !== null) {
      current = { number, cells: cells.slice(1).map((c) => c.trim()), firstLine: line, lastLine: line, continuations: [] };
      events.push({ type: 'row', row: current });
      continue;
    }
    if (options.sectionLetters) {
      const letter = SECTION_LETTER.exec(clean(cells[0] ?? ''));
      if (letter) {
        events.push({
          type: 'heading',
          heading: { numeral: letter[1], title: clean(cells.slice(1).join(' ')), declared: null, unclosed: false, line },
        });
        current = null;
        continue;
      }
    }
    const heading = clean(cells[0] ?? '') !== '' ? parseHeading(cells, line) : null;
    if (heading) {
      events.push({ type: 'heading', heading });
      current = null;
      continue;
    }
    if (clean(cells[0] ?? '') === '') {
      if (current) {
        appendCells(current, cells.slice(1));
        current.lastLine = line;
        current.continuations.push({ line, cells: cells.slice(1) });
      } else {
        events.push({ type: 'orphan', line, cells: cells.slice(1) });
      }
      continue;
    }
    events.push({ type: 'orphan', line, cells });
  }
  return events;
}

/** Join continuation cells onto a row, cell by cell, with a space. */
export function appendCells(row: RawRow, more: string[]): void {
  more.forEach((text, i) => {
    const t = text.trim();
    if (!t) return;
    while (row.cells.length <= i) row.cells.push('');
    row.cells[i] = row.cells[i] ? `${row.cells[i]} ${t}` : t;
  });
}

/** Remove the cells of one continuation line from a row (undo of appendCells). */
export function removeContinuation(row: RawRow, more: string[]): void {
  more.forEach((text, i) => {
    const t = text.trim();
    if (!t || row.cells[i] === undefined) return;
    if (row.cells[i] === t) row.cells[i] = '';
    else if (row.cells[i].endsWith(` ${t}`)) row.cells[i] = row.cells[i].slice(0, -(t.length + 1));
  });
}
