import { collapseSpaces, foldDiacritics, stripMarkup } from '../../text/normalize';
import { parseDeadline } from '../deadline';
import type { Defect, DocumentKey, Group, SeedDocument, Task } from '../schema';
import {
  isPipeRule,
  parseTableLines,
  removeContinuation,
  splitPipeLine,
  splitTabLine,
  type RawRow,
  type TableLine,
} from '../table';
import type { UnitRegistry } from '../units';

export interface IngestContext {
  doc: SeedDocument;
  lines: string[];
  defects: Defect[];
  units: UnitRegistry;
  display: (text: string) => string;
}

export interface TaskColumns {
  content: number;
  lead: number;
  partner: number;
  deadline: number;
  product?: number;
}

export interface BodyGroup {
  title: string;
  count: number;
  line: number;
}

export interface TaskIngestResult {
  groups: Group[];
  tasks: Task[];
  /** Rows that came out of order or with a repeated number. */
  problems: string[];
  /** Numerals of headings whose "(NN nhiệm vụ" lacks the closing parenthesis. */
  unclosed: string[];
}

/** Index (0-based) of the first appendix header line ("TT …" / "STT …"). */
export function findTableStart(lines: string[], pipe = false): number {
  return lines.findIndex((l) => {
    const first = pipe ? splitPipeLine(l)[0] : splitTabLine(l)[0];
    if (pipe && !l.trim().startsWith('|')) return false;
    const f = foldDiacritics(stripMarkup(first ?? ''));
    return (f === 'tt' || f === 'stt') && (pipe ? l.includes('|') : l.includes('\t'));
  });
}

/**
 * The body's own list of groups ("- Về thể chế: *13 nhiệm vụ*;"), read to
 * cross-check appendix headings and to restore a missing one.
 */
export function readBodyGroupList(lines: string[], from: RegExp, unit = 'nhiệm vụ'): BodyGroup[] {
  const start = lines.findIndex((l) => from.test(l));
  if (start < 0) return [];
  const out: BodyGroup[] = [];
  for (let i = start + 1; i < Math.min(lines.length, start + 30); i++) {
    const text = stripMarkup(lines[i]);
    const m = new RegExp(`^-\\s*(.+?):?\\s*\\(?(\\d+)\\s*${unit}\\)?[;.]?$`, 'u').exec(text);
    if (m) out.push({ title: m[1].replace(/:$/, '').trim(), count: Number(m[2]), line: i + 1 });
    else if (out.length > 0 && text) break;
  }
  return out;
}

function refFor(doc: DocumentKey, number: string): string {
  return `${doc}#${number}`;
}

function defectsOfType<T extends Defect['action']['type']>(defects: Defect[], type: T) {
  return defects.filter((d) => d.action.type === type) as (Defect & { action: Extract<Defect['action'], { type: T }> })[];
}

/** Ingest the numbered appendix rows of a tab-table or pipe-table plan. */
export function ingestTasks(
  ctx: IngestContext,
  columns: TaskColumns,
  options: { pipe?: boolean; bodyGroups?: BodyGroup[] } = {},
): TaskIngestResult {
  const { doc, lines, defects } = ctx;
  const start = findTableStart(lines, options.pipe);
  if (start < 0) throw new Error(`${doc.key}: appendix table header not found`);
  const tableLines: TableLine[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    if (options.pipe) {
      if (!l.trim().startsWith('|') || isPipeRule(l)) continue;
      tableLines.push({ line: i + 1, cells: splitPipeLine(l) });
    } else {
      tableLines.push({ line: i + 1, cells: splitTabLine(l) });
    }
  }
  const events = parseTableLines(tableLines, { sectionLetters: options.pipe });
  const problems: string[] = [];

  // Restore a row lost at a page break (its fragment was merged into the row before).
  for (const d of defectsOfType(defects, 'lost-row')) {
    const index = events.findIndex(
      (e) =>
        e.type === 'row' &&
        e.row.continuations.some((c) => stripMarkup(c.cells.join(' ')).startsWith(d.action.fragmentStartsWith)),
    );
    if (index < 0) {
      problems.push(`defect ${d.id}: fragment "${d.action.fragmentStartsWith}" not found`);
      continue;
    }
    const host = (events[index] as { type: 'row'; row: RawRow }).row;
    const cont = host.continuations.find((c) =>
      stripMarkup(c.cells.join(' ')).startsWith(d.action.fragmentStartsWith),
    )!;
    removeContinuation(host, cont.cells);
    host.continuations = host.continuations.filter((c) => c !== cont);
    host.lastLine = Math.max(host.firstLine, ...host.continuations.map((c) => c.line));
    const lost: RawRow = {
      number: String(d.action.number),
      cells: cont.cells.map((c) => c.trim()),
      firstLine: cont.line,
      lastLine: cont.line,
      continuations: [],
    };
    events.splice(index + 1, 0, { type: 'row', row: lost });
  }

  const aliases = new Map(defectsOfType(defects, 'section-letter-alias').map((d) => [d.action.alias, d.action.letter]));
  const missingColumn = defectsOfType(defects, 'missing-column');
  const missingHeadings = defectsOfType(defects, 'missing-group-heading');
  const lostRows = new Set(defectsOfType(defects, 'lost-row').map((d) => String(d.action.number)));

  const groups: Group[] = [];
  const tasks: Task[] = [];
  let group: Group | null = null;
  let section: string | null = null;
  const unclosed: string[] = [];

  const openGroup = (numeral: string, heading: string, declared: number | null, line: number | null, restoredFrom?: string) => {
    group = {
      id: `${doc.key}/${numeral}`,
      doc: doc.key,
      numeral,
      heading,
      declared,
      itemRefs: [],
      line,
      ...(restoredFrom ? { restoredFrom } : {}),
    };
    groups.push(group);
  };

  for (const event of events) {
    if (event.type === 'heading') {
      const numeral = aliases.get(event.heading.numeral) ?? event.heading.numeral;
      if (options.pipe) section = numeral;
      if (event.heading.unclosed) unclosed.push(numeral);
      openGroup(numeral, event.heading.title, event.heading.declared, event.heading.line);
      continue;
    }
    if (event.type === 'orphan') {
      problems.push(`line ${event.line}: text outside any row: "${stripMarkup(event.cells.join(' ')).slice(0, 60)}"`);
      continue;
    }
    const row = event.row;
    const n = Number(row.number);
    const restore = missingHeadings.find((d) => n === d.action.firstRow);
    if (restore && !options.pipe) {
      const position = romanValue(restore.action.numeral) - 1;
      const body = options.bodyGroups?.[position];
      if (!body) {
        problems.push(`defect ${restore.id}: body list has no group ${restore.action.numeral}`);
      } else {
        openGroup(restore.action.numeral, body.title, body.count, null, `body list, line ${body.line}`);
      }
    }
    if (!group) {
      problems.push(`row ${row.number} at line ${row.firstLine} has no group`);
      continue;
    }
    const currentGroup: Group = group;
    let cells = row.cells;
    const dropsColumn = missingColumn.find((d) => d.action.section === section);
    let columnDefect: string | null = null;
    if (dropsColumn && cells.filter((c, i) => i < 5 && c !== undefined).length === 4 && cells.length === 4) {
      // content | lead | deadline | product → insert the missing partner cell.
      cells = [cells[0], cells[1], '', cells[2], cells[3]];
      columnDefect = dropsColumn.id;
    }
    const number = options.pipe ? `${section}${row.number}` : row.number;
    const ref = refFor(doc.key, number);
    const cell = (i: number | undefined) => (i === undefined ? '' : collapseSpaces(cells[i] ?? ''));
    const raw = {
      content: cell(columns.content),
      lead: cell(columns.lead),
      partner: cell(columns.partner),
      deadline: cell(columns.deadline),
      ...(columns.product !== undefined ? { product: cell(columns.product) } : {}),
    };
    const defectIds = defects.filter((d) => d.affects.includes(ref)).map((d) => d.id);
    if (columnDefect && !defectIds.includes(columnDefect)) defectIds.push(columnDefect);
    const product = raw.product ? ctx.display(stripMarkup(raw.product)).replace(/^[,\s]+|[,\s]+$/g, '') : '';
    const task: Task = {
      ref,
      kind: 'task',
      doc: doc.key,
      number,
      groupId: currentGroup.id,
      content: ctx.display(stripMarkup(raw.content)),
      raw,
      leadUnitIds: ctx.units.resolveCell(raw.lead, ref, { central: doc.level === 'central' }),
      partnerUnitIds: ctx.units.resolveCell(raw.partner, ref, { central: doc.level === 'central' }),
      deadline: parseDeadline(raw.deadline),
      ...(product ? { product } : {}),
      incomplete: lostRows.has(row.number),
      defectIds,
      provenance: { ref, doc: doc.key, file: doc.file, lines: [row.firstLine, row.lastLine] },
    };
    tasks.push(task);
    currentGroup.itemRefs.push(ref);
  }

  // Numbering must run 1..n within the document (or within each section).
  const bySection = new Map<string, number[]>();
  for (const t of tasks) {
    const key = options.pipe ? t.number.replace(/\d+$/, '') : '';
    const list = bySection.get(key) ?? [];
    list.push(Number(t.number.replace(/^\D+/, '')));
    bySection.set(key, list);
  }
  for (const [key, numbers] of bySection) {
    numbers.forEach((n, i) => {
      if (n !== i + 1) problems.push(`${doc.key} ${key}: row ${n} found where ${i + 1} was expected`);
    });
  }
  return { groups, tasks, problems, unclosed };
}

export function romanValue(numeral: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const v = values[numeral[i]] ?? 0;
    const next = values[numeral[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
