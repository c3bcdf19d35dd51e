import { foldDiacritics, stripMarkup } from '../../text/normalize';
import { parseDeadline, startingDay } from '../deadline';
import type { DocumentKey, Model, SeedDocument, Target, Task } from '../schema';
import { extractQuantities, type Quantity } from '../targets';

/*
 * Targets come from three places, as each plan's recipe says:
 * - "bullets" sections (a district plan's "II. MỤC TIÊU"): every bullet and numbered
 *   line with a percentage is a target (T1…);
 * - "phased-bullets" sections (a provincial plan's "2. Mục tiêu cụ thể"): bullets under
 *   phase lines; every bullet is numbered (T1…) and only those stating a number yield targets;
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
    // "đạt 70% … từ quý II/2024": the target holds from that day on; it is not due then.
    const from = q.period?.raw ? startingDay(q.period.raw) : undefined;
    const ownPeriod = from
      ? { raw: q.period!.raw, from }
      : q.period?.due ? { ...period, raw: q.period.raw || period.raw, due: q.period.due } : period;
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

/** A "bullets" target section → T<first>…; returns the targets and the next bullet number. */
export function bulletTargets(
  doc: SeedDocument,
  lines: string[],
  section: { start: string; end: string; yearPattern?: string },
  first = 1,
): { targets: Target[]; next: number } {
  const range = sectionLines(lines, new RegExp(section.start, 'u'), new RegExp(section.end, 'u'));
  if (!range) return { targets: [], next: first };
  const yearRe = section.yearPattern ? new RegExp(section.yearPattern, 'u') : null;
  const year = yearRe ? lines.map((l) => yearRe.exec(l)?.[1]).find(Boolean) : undefined;
  const period: Target['period'] = year ? { raw: `năm ${year}`, due: `${year}-12-31` } : {};
  const bullets: Bullet[] = [];
  for (let i = range[0] + 1; i < range[1]; i++) {
    const text = stripMarkup(lines[i]);
    const m = /^(?:-|\d+\.)\s+(.*)$/u.exec(text);
    if (!m || !/%/.test(m[1])) continue;
    bullets.push({ n: first + bullets.length, text: m[1], line: i + 1 });
  }
  const targets = bullets.flatMap((b) =>
    toTargets(doc, `${doc.key}#T${b.n}`, extractQuantities(b.text, { counts: true }), [b.line, b.line], period),
  );
  return { targets, next: first + bullets.length };
}

/** A "phased-bullets" target section → T<first>… (every bullet numbered); phases matched on folded text. */
export function phasedBulletTargets(
  doc: SeedDocument,
  lines: string[],
  section: { start: string; end: string; phases: { phase: 'urgent' | 'breakthrough'; pattern: string }[] },
  first = 1,
): { targets: Target[]; next: number } {
  const range = sectionLines(lines, new RegExp(section.start, 'u'), new RegExp(section.end, 'u'));
  if (!range) return { targets: [], next: first };
  const phases = section.phases.map((p) => ({ phase: p.phase, re: new RegExp(p.pattern, 'u') }));
  const bullets: Bullet[] = [];
  let phase: Bullet['phase'];
  let phaseLine = '';
  for (let i = range[0] + 1; i < range[1]; i++) {
    const text = stripMarkup(lines[i]);
    if (!text) continue;
    const folded = foldDiacritics(text);
    const hit = phases.find((p) => p.re.test(folded));
    if (hit) {
      phase = hit.phase;
      phaseLine = text;
      continue;
    }
    const m = /^[-+]\s+(.*)$/u.exec(text);
    if (!m) continue;
    bullets.push({ n: first + bullets.length, text: m[1], line: i + 1, phase, phaseLine });
  }
  const targets = bullets.flatMap((b) => {
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
  return { targets, next: first + bullets.length };
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
