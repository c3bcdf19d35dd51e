import { foldDiacritics, stripMarkup } from '../../text/normalize';
import { parseDeadline } from '../deadline';
import type { DocumentKey, Model, SeedDocument, Target, Task } from '../schema';
import { extractQuantities, type Quantity } from '../targets';

/*
 * Targets come from three places:
 * - kh-huyen-2024 "II. MỤC TIÊU": every bullet and numbered line is a target (T1…);
 * - kh-tu-2025 "2. Mục tiêu cụ thể": bullets of the urgent and breakthrough phases;
 *   every bullet is numbered (T1…) and only those stating a number yield targets;
 * - task rows (content and deadline cells) that state a percentage, a rank or an
 *   explicit minimum count; refs `<task ref>/1`, `/2`…
 */

interface Bullet {
  n: number;
  text: string;
  line: number;
  phase?: 'urgent' | 'breakthrough';
  phaseLine?: string;
}

function toTargets(
  doc: SeedDocument,
  baseRef: string,
  quantities: Quantity[],
  line: [number, number],
  period: Target['period'],
  taskRef?: string,
): Target[] {
  return quantities.map((q, i) => {
    const ref = quantities.length === 1 ? baseRef : `${baseRef}${String.fromCharCode(97 + i)}`;
    const ownPeriod = q.period?.due ? { ...period, raw: q.period.raw || period.raw, due: q.period.due } : period;
    return {
      ref,
      kind: 'target',
      doc: doc.key,
      statement: q.clause,
      value: q.value,
      unit: q.unit,
      ...(q.countOf ? { countOf: q.countOf } : {}),
      comparator: q.comparator,
      ...(q.scope ? { scope: q.scope } : {}),
      period: Object.fromEntries(Object.entries(ownPeriod).filter(([, v]) => v !== undefined && v !== '')),
      ...(taskRef ? { taskRef } : {}),
      provenance: { ref, doc: doc.key, file: doc.file, lines: line },
    } as Target;
  });
}

function sectionLines(lines: string[], start: RegExp, end: RegExp): [number, number] | null {
  const s = lines.findIndex((l) => start.test(stripMarkup(l)));
  if (s < 0) return null;
  const e = lines.findIndex((l, i) => i > s && end.test(stripMarkup(l)));
  return [s, e < 0 ? lines.length : e];
}

/** kh-huyen-2024 II. MỤC TIÊU → T1…T12. */
export function districtTargets(doc: SeedDocument, lines: string[]): Target[] {
  const range = sectionLines(lines, /^#*\s*II\.\s*MỤC TIÊU/u, /^#*\s*III\./u);
  if (!range) return [];
  const year = lines.map((l) => /địa bàn huyện (?:trong )?năm (\d{4})/u.exec(l)?.[1]).find(Boolean);
  const period: Target['period'] = year ? { raw: `năm ${year}`, due: `${year}-12-31` } : {};
  const bullets: Bullet[] = [];
  for (let i = range[0] + 1; i < range[1]; i++) {
    const text = stripMarkup(lines[i]);
    const m = /^(?:-|\d+\.)\s+(.*)$/u.exec(text);
    if (!m || !/\d\s*%|\d/.test(m[1]) || !/%/.test(m[1])) continue;
    bullets.push({ n: bullets.length + 1, text: m[1], line: i + 1 });
  }
  return bullets.flatMap((b) =>
    toTargets(doc, `${doc.key}#T${b.n}`, extractQuantities(b.text, { counts: true }), [b.line, b.line], period),
  );
}

/** kh-tu-2025 II.2, both phases → T1…Tn (every bullet numbered). */
export function provincialPhaseTargets(doc: SeedDocument, lines: string[]): Target[] {
  const range = sectionLines(lines, /^2\.\s*Mục tiêu cụ thể/u, /^III\./u);
  if (!range) return [];
  const bullets: Bullet[] = [];
  let phase: Bullet['phase'];
  let phaseLine = '';
  for (let i = range[0] + 1; i < range[1]; i++) {
    const text = stripMarkup(lines[i]);
    if (!text) continue;
    const folded = foldDiacritics(text);
    if (/giai doan cap bach/.test(folded)) {
      phase = 'urgent';
      phaseLine = text;
      continue;
    }
    if (/giai doan dot pha/.test(folded)) {
      phase = 'breakthrough';
      phaseLine = text;
      continue;
    }
    const m = /^[-+]\s+(.*)$/u.exec(text);
    if (!m) continue;
    bullets.push({ n: bullets.length + 1, text: m[1], line: i + 1, phase, phaseLine });
  }
  return bullets.flatMap((b) => {
    const d = parseDeadline(b.phaseLine ?? '');
    const dates = d.parts.filter((p) => p.kind === 'date').map((p) => (p.kind === 'date' ? p.date : ''));
    const period: Target['period'] = {
      raw: b.phaseLine,
      ...(b.phase ? { phase: b.phase } : {}),
      ...(dates.length > 1 ? { from: dates[0] } : {}),
      ...(d.due ? { due: d.due } : {}),
    };
    return toTargets(doc, `${doc.key}#T${b.n}`, extractQuantities(b.text, { counts: true }), [b.line, b.line], period);
  });
}

/** Targets stated in task rows (content first, then the deadline cell). */
export function taskTargets(doc: SeedDocument, tasks: Task[]): Target[] {
  const out: Target[] = [];
  for (const task of tasks) {
    const quantities = [...extractQuantities(task.raw.content), ...extractQuantities(task.raw.deadline)];
    if (quantities.length === 0) continue;
    const period: Target['period'] = {
      raw: task.deadline.raw,
      ...(task.deadline.due ? { due: task.deadline.due } : {}),
    };
    quantities.forEach((q, i) => {
      const [t] = toTargets(doc, `${task.ref}/${i + 1}`, [q], task.provenance.lines, period, task.ref);
      out.push(t);
    });
  }
  return out;
}

/** Targets stated in a model's goal ("100% cơ sở khám chữa bệnh …"). */
export function modelTargets(doc: SeedDocument, models: Model[]): Target[] {
  return models.flatMap((m) => {
    if (!m.goal) return [];
    const quantities = extractQuantities(m.goal);
    const period: Target['period'] = { raw: m.deadline.raw, ...(m.deadline.due ? { due: m.deadline.due } : {}) };
    return quantities.map((q, i) => toTargets(doc, `${m.ref}/${i + 1}`, [q], m.bodyProvenance.lines, period, m.ref)[0]);
  });
}

export function targetDocKey(ref: string): DocumentKey {
  return ref.split('#')[0] as DocumentKey;
}
