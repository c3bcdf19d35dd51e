import { checklistLibrary } from '../checklist';
import { buildExportFile, type ExportCheck, type ExportFile } from '../exchange/format';
import type { CheckState, FilingSession, TickEvent } from '../journal/db';

/**
 * Valid export files at province scale, for tests and benchmarks: exactly
 * what the panel writes (built by buildExportFile, so checksums and formats
 * are the real ones). Deterministic for a seed. No personal data: officers
 * and communes are numbered, filings have no dossier code.
 *
 * Shape, after the estimate: about 8 ticks per filing, one file per
 * officer-export, communes "xa-001".."xa-166", filings spread over `days`.
 */

export interface GenerateOptions {
  /** Total ticks over all files. */
  ticks: number;
  /** Ticks per file (the last file takes the rest). */
  ticksPerFile?: number;
  /** Number of communes (units). */
  units?: number;
  /** Officers per commune. */
  staffPerUnit?: number;
  /** First day (UTC ms) and length of the period. */
  start?: number;
  days?: number;
  seed?: number;
}

/** A small fast PRNG (mulberry32): the same seed gives the same files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROCEDURES = Array.from({ length: 40 }, (_, i) => ({
  code: `1.${String(100_000 + i * 137).padStart(6, '0')}`,
  name: `Thủ tục hành chính mẫu số ${i + 1}`,
}));

export function generatorChecks(): ExportCheck[] {
  return checklistLibrary().checks.map((c) => ({ id: c.id, source: 'library' as const, label: c.label, targets: c.targets }));
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * The journal rows of each file, one file at a time (so 10 M ticks never sit
 * in memory together). Each file is one officer's export of their own filings.
 */
export function* generateJournals(opts: GenerateOptions): Generator<{ index: number; staff: string; unit: string; sessions: FilingSession[]; events: TickEvent[] }> {
  const ticksPerFile = opts.ticksPerFile ?? 20_000;
  const units = opts.units ?? 166;
  const staffPerUnit = opts.staffPerUnit ?? 8;
  const start = opts.start ?? Date.UTC(2026, 9, 1);
  const days = opts.days ?? 30;
  const seed = opts.seed ?? 1;
  const checkIds = generatorChecks().map((c) => c.id);
  const files = Math.max(1, Math.ceil(opts.ticks / ticksPerFile));
  let remaining = opts.ticks;
  for (let index = 0; index < files; index++) {
    const rnd = prng(seed * 1_000_003 + index);
    const unitNo = (index % units) + 1;
    const unit = `xa-${pad(unitNo, 3)}`;
    const staff = `Cán bộ ${pad(unitNo, 3)}-${pad((Math.floor(index / units) % staffPerUnit) + 1, 2)}`;
    const want = Math.min(ticksPerFile, remaining);
    remaining -= want;
    const sessions: FilingSession[] = [];
    const events: TickEvent[] = [];
    let n = 0;
    while (events.length < want) {
      const proc = PROCEDURES[Math.floor(rnd() * rnd() * PROCEDURES.length)];
      const createdAt = start + Math.floor(rnd() * days * 86_400_000);
      // Each filing shows 6 to 10 checks of the library.
      const shown = checkIds.filter(() => rnd() < 0.8).slice(0, 10);
      if (shown.length === 0) shown.push(checkIds[0]);
      const id = `gen:${seed}:${index}:${n}`;
      sessions.push({
        id, procedureKey: `code:${proc.code}`, procedureCode: proc.code, procedureName: proc.name, label: `Hồ sơ ${n + 1}`,
        checkIds: shown, staff, unit, createdAt, demo: false, origin: 'local',
      });
      let at = createdAt;
      for (const checkId of shown) {
        if (events.length >= want) break;
        const r = rnd();
        const ticks: CheckState[] = r < 0.78 ? ['done'] : r < 0.88 ? ['na'] : r < 0.92 ? ['done', 'cleared'] : r < 0.95 ? ['done', 'cleared', 'done'] : [];
        for (const state of ticks) {
          if (events.length >= want) break;
          at += 1_000 + Math.floor(rnd() * 60_000);
          events.push({ id: `e:${seed}:${index}:${events.length}`, sessionId: id, checkId, state, ...(state === 'na' ? { note: 'không áp dụng' } : {}), staff, unit, at, demo: false });
        }
      }
      n++;
    }
    yield { index, staff, unit, sessions, events };
  }
}

/** The export files themselves, as the panel's "JSON" button writes them. */
export async function* generateExportFiles(opts: GenerateOptions): AsyncGenerator<{ name: string; file: ExportFile }> {
  const checks = generatorChecks();
  const start = opts.start ?? Date.UTC(2026, 9, 1);
  for (const j of generateJournals(opts)) {
    const file = await buildExportFile({ sessions: j.sessions, events: j.events }, checks, { staff: j.staff, unit: j.unit }, {}, start + 40 * 86_400_000 + j.index * 1000);
    yield { name: `da06-${j.unit}-${pad(j.index + 1, 5)}.json`, file };
  }
}
