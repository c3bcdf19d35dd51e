import { z } from 'zod';
import { CHECK_STATES, type FilingSession, type TickEvent } from '../journal/db';
import { NOTE_MAX } from '../journal/journal';
import type { ExportFilter, JournalData } from '../export/filter';
import { latestTime, plausibleTime } from '../journal/time';

/**
 * The JSON export: lossless, versioned, self-describing (check labels and
 * linked targets travel with it), with a SHA-256 checksum over its content.
 * It is also the import format of the report page. Documented in README.
 */

export const EXPORT_FORMAT = 'da06-journal-export';
export const EXPORT_VERSION = 1;

const Iso = z.iso.datetime({ offset: true });
const Short = z.string().max(200);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// Every object is strict: a key the format does not define would ride outside the checksum's meaning.
export const ExportCheckSchema = z.strictObject({
  id: z.string().min(1).max(80),
  source: z.enum(['library', 'custom']),
  label: z.strictObject({ vi: z.string().max(300), en: z.string().max(300) }),
  targets: z.array(z.string().max(40)).max(50),
  retired: z.boolean().optional(),
});
export type ExportCheck = z.infer<typeof ExportCheckSchema>;

export const ExportSessionSchema = z.strictObject({
  id: z.string().min(1).max(300),
  procedureKey: z.string().max(300),
  procedureCode: z.string().max(40).optional(),
  procedureName: z.string().max(500),
  dossierCode: z.string().max(100).optional(),
  label: Short,
  checkIds: z.array(z.string().max(80)).max(200),
  staff: Short,
  unit: Short,
  createdAt: Iso,
  demo: z.boolean(),
});

export const ExportEventSchema = z.strictObject({
  id: z.string().min(1).max(100),
  sessionId: z.string().min(1).max(300),
  checkId: z.string().min(1).max(80),
  state: z.enum(CHECK_STATES),
  note: z.string().max(NOTE_MAX).optional(),
  staff: Short,
  unit: Short,
  at: Iso,
  demo: z.boolean(),
});

export const ExportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: Iso,
  exportedBy: z.strictObject({ staff: Short, unit: Short }),
  filter: z.strictObject({
    from: Day.optional(),
    to: Day.optional(),
    unit: Short.optional(),
    procedureKey: z.string().max(300).optional(),
    checkId: z.string().max(80).optional(),
    includeDemo: z.boolean().optional(),
  }),
  checks: z.array(ExportCheckSchema).max(2000),
  sessions: z.array(ExportSessionSchema),
  events: z.array(ExportEventSchema),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/**
 * The text the checksum covers: the file without its checksum, serialized
 * with keys in schema order. The builder writes objects in that order and
 * the importer gets it from zod (which outputs keys in schema order), so the
 * key order inside a file does not matter.
 */
export function checksumText(body: Omit<ExportFile, 'checksum'>): string {
  return JSON.stringify(body);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function buildExportFile(
  data: JournalData,
  checks: ExportCheck[],
  by: { staff: string; unit: string },
  filter: ExportFilter,
  now = Date.now(),
): Promise<ExportFile> {
  const body = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    exportedBy: { staff: by.staff, unit: by.unit },
    filter: ExportFileSchema.shape.filter.parse(filter),
    checks: checks.map((c) => ExportCheckSchema.parse(c)),
    // Rows from the report source carry their original ids (sourceId): the file holds those.
    sessions: data.sessions.map((s) => ({
      id: (s as { sourceId?: string }).sourceId ?? s.id, procedureKey: s.procedureKey, procedureCode: s.procedureCode, procedureName: s.procedureName,
      dossierCode: s.dossierCode, label: s.label, checkIds: s.checkIds, staff: s.staff, unit: s.unit,
      createdAt: iso(s.createdAt), demo: s.demo,
    })),
    events: data.events.map((e) => ({
      id: e.id, sessionId: (e as { sourceSessionId?: string }).sourceSessionId ?? e.sessionId, checkId: e.checkId, state: e.state, note: e.note,
      staff: e.staff, unit: e.unit, at: iso(e.at), demo: e.demo,
    })),
  } as const;
  return { ...body, checksum: await sha256Hex(checksumText(body as Omit<ExportFile, 'checksum'>)) } as ExportFile;
}

export type ParseProblem =
  | { kind: 'not-json'; detail: string }
  | { kind: 'spreadsheet' }
  | { kind: 'time'; field: string; value: string; latest: number }
  | { kind: 'wrong-format' }
  | { kind: 'wrong-version'; version: unknown }
  | { kind: 'invalid'; detail: string }
  | { kind: 'checksum' };

/**
 * A CSV or XLSX made by this extension's own export (or any spreadsheet):
 * the importer reads only the JSON export, and says so instead of "damaged".
 */
export function looksLikeSpreadsheet(name: string, text: string): boolean {
  if (/\.(csv|tsv|xlsx|xls|ods)$/i.test(name.trim())) return true;
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('\u00D0\u00CF\u0011\u00E0')) return true; // zip (xlsx/ods), OLE (xls)
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  return !/^\s*[[{]/.test(head) && (/^sep=.$/i.test(first) || /[,;\t]/.test(first));
}

/** Every time in a file, with where it is: "exportedAt", "sessions[3].createdAt", "events[12].at". */
function* fileTimes(file: ExportFile): Generator<[string, string]> {
  yield ['exportedAt', file.exportedAt];
  for (let i = 0; i < file.sessions.length; i++) yield [`sessions[${i}].createdAt`, file.sessions[i].createdAt];
  for (let i = 0; i < file.events.length; i++) yield [`events[${i}].at`, file.events[i].at];
}

/**
 * Read and check one export file; never throws. Every time must lie between
 * 2020-01-01 and a day after `now` (see lib/journal/time.ts).
 */
export async function parseExportFile(text: string, now = Date.now(), name = ''): Promise<{ ok: true; file: ExportFile } | { ok: false; problem: ParseProblem }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (looksLikeSpreadsheet(name, text)) return { ok: false, problem: { kind: 'spreadsheet' } };
    return { ok: false, problem: { kind: 'not-json', detail: (error as Error).message } };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== EXPORT_FORMAT) return { ok: false, problem: { kind: 'wrong-format' } };
  if (head.version !== EXPORT_VERSION) return { ok: false, problem: { kind: 'wrong-version', version: head.version } };
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return { ok: false, problem: { kind: 'invalid', detail: `${pathText(issue.path)}: ${issue.message}${keys}` } };
  }
  for (const [field, value] of fileTimes(parsed.data)) {
    if (!plausibleTime(Date.parse(value), now)) return { ok: false, problem: { kind: 'time', field, value, latest: latestTime(now) } };
  }
  const { checksum, ...body } = parsed.data;
  if ((await sha256Hex(checksumText(body))) !== checksum) return { ok: false, problem: { kind: 'checksum' } };
  return { ok: true, file: parsed.data };
}

/** A zod path as a reader finds it in the file: events[12].at. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(file)';
}

/** Back to journal records. */
export function fromExportFile(file: ExportFile): { sessions: FilingSession[]; events: TickEvent[] } {
  return {
    sessions: file.sessions.map((s) => ({ ...s, createdAt: Date.parse(s.createdAt), origin: file.checksum })),
    events: file.events.map((e) => ({ ...e, at: Date.parse(e.at) })),
  };
}
