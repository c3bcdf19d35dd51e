import { z } from 'zod';
import { CHECK_STATES, type FilingSession, type TickEvent } from '../journal/db';
import { NOTE_MAX } from '../journal/journal';
import type { ExportFilter, JournalData } from '../export/filter';

/**
 * The JSON export: lossless, versioned, self-describing (check labels and
 * linked targets travel with it), with a SHA-256 checksum over its content.
 * It is also the import format of the report page. Documented in README.
 */

export const EXPORT_FORMAT = 'da06-journal-export';
export const EXPORT_VERSION = 1;

const Iso = z.iso.datetime({ offset: true });
const Short = z.string().max(200);

export const ExportCheckSchema = z.object({
  id: z.string().min(1).max(80),
  source: z.enum(['library', 'custom']),
  label: z.object({ vi: z.string().max(300), en: z.string().max(300) }),
  targets: z.array(z.string().max(40)),
  retired: z.boolean().optional(),
});
export type ExportCheck = z.infer<typeof ExportCheckSchema>;

export const ExportSessionSchema = z.object({
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

export const ExportEventSchema = z.object({
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

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: Iso,
  exportedBy: z.object({ staff: Short, unit: Short }),
  filter: z.object({
    from: z.string().optional(),
    to: z.string().optional(),
    unit: z.string().optional(),
    procedureKey: z.string().optional(),
    checkId: z.string().optional(),
    includeDemo: z.boolean().optional(),
  }),
  checks: z.array(ExportCheckSchema),
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
    exportedBy: by,
    filter: ExportFileSchema.shape.filter.parse(filter),
    checks: checks.map((c) => ExportCheckSchema.parse(c)),
    sessions: data.sessions.map((s) => ({
      id: s.id, procedureKey: s.procedureKey, procedureCode: s.procedureCode, procedureName: s.procedureName,
      dossierCode: s.dossierCode, label: s.label, checkIds: s.checkIds, staff: s.staff, unit: s.unit,
      createdAt: iso(s.createdAt), demo: s.demo,
    })),
    events: data.events.map((e) => ({
      id: e.id, sessionId: e.sessionId, checkId: e.checkId, state: e.state, note: e.note,
      staff: e.staff, unit: e.unit, at: iso(e.at), demo: e.demo,
    })),
  } as const;
  return { ...body, checksum: await sha256Hex(checksumText(body as Omit<ExportFile, 'checksum'>)) } as ExportFile;
}

export type ParseProblem =
  | { kind: 'not-json'; detail: string }
  | { kind: 'wrong-format' }
  | { kind: 'wrong-version'; version: unknown }
  | { kind: 'invalid'; detail: string }
  | { kind: 'checksum' };

/** Read and check one export file; never throws. */
export async function parseExportFile(text: string): Promise<{ ok: true; file: ExportFile } | { ok: false; problem: ParseProblem }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: { kind: 'not-json', detail: (error as Error).message } };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== EXPORT_FORMAT) return { ok: false, problem: { kind: 'wrong-format' } };
  if (head.version !== EXPORT_VERSION) return { ok: false, problem: { kind: 'wrong-version', version: head.version } };
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: { kind: 'invalid', detail: `${issue.path.join('.')}: ${issue.message}` } };
  }
  const { checksum, ...body } = parsed.data;
  if ((await sha256Hex(checksumText(body))) !== checksum) return { ok: false, problem: { kind: 'checksum' } };
  return { ok: true, file: parsed.data };
}

/** Back to journal records. */
export function fromExportFile(file: ExportFile): { sessions: FilingSession[]; events: TickEvent[] } {
  return {
    sessions: file.sessions.map((s) => ({ ...s, createdAt: Date.parse(s.createdAt), origin: file.checksum })),
    events: file.events.map((e) => ({ ...e, at: Date.parse(e.at) })),
  };
}
