import { collapseSpaces, foldDiacritics, stripMarkup } from '../../text/normalize';
import { parseDeadline } from '../deadline';
import type { Group, Model } from '../schema';
import { parseTableLines, splitTabLine, type TableLine } from '../table';
import { findTableStart, type IngestContext } from './tasks';

/*
 * A models plan describes each model twice: a body section ("1. Mô hình 1: …"
 * with Mục tiêu, Phân công, Đơn vị thực hiện, Thời gian, Công cụ) and an
 * appendix row (group, lead/partner/support units, deadline, platforms).
 * Both are merged into one record keyed by the model's national number.
 */

interface BodySection {
  national: number;
  order: number;
  name: string;
  fields: Partial<Record<BodyField, string>>;
  firstLine: number;
  lastLine: number;
}

type BodyField = 'goal' | 'assignments' | 'implementingUnits' | 'deadline' | 'tools' | 'place' | 'notes';

const FIELD_LABELS: [RegExp, BodyField][] = [
  [/^muc tieu$/, 'goal'],
  [/^phan cong (nhiem|nghiep) vu$/, 'assignments'],
  [/^don vi thuc hien$/, 'implementingUnits'],
  [/^thoi gian (hoan thanh|thuc hien)$/, 'deadline'],
  [/^cong cu trien khai$/, 'tools'],
  [/^dia diem trien khai$/, 'place'],
  [/^ghi chu$/, 'notes'],
];

/** Strip list and heading markup from the start of a body line. */
function bare(line: string): string {
  return stripMarkup(line).replace(/^[#\s*+\-–]+/u, '').trim();
}

const HEADING = /^(\d{1,2})\.\s*Mô hình\s+(\d{1,2})\s*:\s*(.+)$/u;

export function readModelSections(lines: string[]): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection | null = null;
  let field: BodyField | null = null;
  const end = lines.findIndex((l, i) => i > 50 && /^III\.\s*TỔ CHỨC THỰC HIỆN/u.test(bare(l)));
  for (let i = 0; i < (end > 0 ? end : lines.length); i++) {
    const text = bare(lines[i]);
    if (!text) continue;
    const h = HEADING.exec(text);
    if (h) {
      current = {
        order: Number(h[1]),
        national: Number(h[2]),
        name: h[3].replace(/\.$/, '').trim(),
        fields: {},
        firstLine: i + 1,
        lastLine: i + 1,
      };
      sections.push(current);
      field = null;
      continue;
    }
    if (!current) continue;
    const label = /^([^:]{3,40}):\s*(.*)$/u.exec(text);
    const known = label ? FIELD_LABELS.find(([re]) => re.test(foldDiacritics(label[1]).trim())) : undefined;
    if (label && known) {
      field = known[1];
      current.fields[field] = label[2].trim();
    } else if (field) {
      // Sub-bullets ("+ …") and paragraphs cut by a page break continue the field.
      const prev = current.fields[field] ?? '';
      const isBullet = /^[\s\-*]*\+/.test(lines[i]);
      current.fields[field] = prev ? `${prev}${isBullet ? '\n' : ' '}${text}` : text;
    }
    current.lastLine = i + 1;
  }
  return sections;
}

export interface ModelIngestResult {
  groups: Group[];
  models: Model[];
  problems: string[];
}

export function ingestModels(ctx: IngestContext): ModelIngestResult {
  const { doc, lines } = ctx;
  const problems: string[] = [];
  const sections = readModelSections(lines);
  const start = findTableStart(lines);
  const tableLines: TableLine[] = [];
  for (let i = start; i < lines.length; i++) tableLines.push({ line: i + 1, cells: splitTabLine(lines[i]) });
  const events = parseTableLines(tableLines);

  const groups: Group[] = [];
  const models: Model[] = [];
  let group: Group | null = null;
  for (const event of events) {
    if (event.type === 'heading') {
      group = {
        id: `${doc.key}/${event.heading.numeral}`,
        doc: doc.key,
        numeral: event.heading.numeral,
        heading: event.heading.title,
        declared: event.heading.declared,
        itemRefs: [],
        line: event.heading.line,
      };
      groups.push(group);
      continue;
    }
    if (event.type === 'orphan') {
      problems.push(`line ${event.line}: text outside any row`);
      continue;
    }
    const row = event.row;
    const [modelCell = '', lead = '', partner = '', support = '', deadline = '', platforms = ''] = row.cells.map((c) =>
      collapseSpaces(c),
    );
    const m = /^Mô hình\s+(\d{1,2})\s*:\s*(.*)$/u.exec(stripMarkup(modelCell));
    if (!m || !group) {
      problems.push(`row ${row.number} (line ${row.firstLine}): no "Mô hình N:" or no group`);
      continue;
    }
    const national = Number(m[1]);
    const ref = `${doc.key}#M${national}`;
    const body = sections.find((s) => s.national === national);
    if (!body) {
      problems.push(`${ref}: appendix row ${row.number} has no body section`);
      continue;
    }
    if (body.order !== Number(row.number)) {
      problems.push(`${ref}: body section ${body.order} but appendix row ${row.number}`);
    }
    const f = body.fields;
    const display = (s: string | undefined) => (s ? ctx.display(s) : undefined);
    const platformList = ctx
      .display(stripMarkup(platforms.replace(/<i>\s*\(?Ghi chú:[\s\S]*$/u, '')))
      .split(/[;,]\s*/)
      .map((p) => p.replace(/\.$/, '').trim())
      .filter(Boolean);
    const noteInPlatforms = /Ghi chú:\s*([^)]*)/u.exec(stripMarkup(platforms))?.[1]?.trim();
    const model: Model = {
      ref,
      kind: 'model',
      doc: doc.key,
      nationalNumber: national,
      rowNumber: Number(row.number),
      name: ctx.display(body.name),
      groupId: group.id,
      ...(f.goal ? { goal: display(f.goal) } : {}),
      ...(f.assignments ? { assignments: display(f.assignments) } : {}),
      ...(f.implementingUnits ? { implementingUnits: display(f.implementingUnits) } : {}),
      ...(f.notes || noteInPlatforms ? { notes: display(f.notes ?? noteInPlatforms) } : {}),
      ...(f.deadline ? { bodyDeadline: f.deadline } : {}),
      deadline: parseDeadline(deadline || f.deadline || ''),
      ...(f.tools ? { tools: display(f.tools) } : {}),
      platforms: platformList,
      leadUnitIds: ctx.units.resolveCell(lead, ref, { central: doc.level === 'central' }),
      partnerUnitIds: ctx.units.resolveCell(partner, ref, { central: doc.level === 'central' }),
      supportUnitIds: ctx.units.resolveCell(support, ref, { central: doc.level === 'central' }),
      raw: { lead, partner, support, deadline, platforms },
      defectIds: ctx.defects.filter((d) => d.affects.includes(ref)).map((d) => d.id),
      provenance: { ref, doc: doc.key, file: doc.file, lines: [row.firstLine, row.lastLine] },
      bodyProvenance: { ref, doc: doc.key, file: doc.file, lines: [body.firstLine, body.lastLine] },
    };
    models.push(model);
    group.itemRefs.push(ref);
  }
  for (const s of sections) {
    if (!models.some((m) => m.nationalNumber === s.national)) {
      problems.push(`${doc.key}#M${s.national}: body section ${s.order} has no appendix row`);
    }
  }
  return { groups, models, problems };
}
