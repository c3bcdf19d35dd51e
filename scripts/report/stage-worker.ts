/**
 * A validation thread of `da06 report`: reads one export file, hashes its
 * bytes, checks it with the report page's own rules (lib/exchange
 * parseExportFile: JSON, format, version, schema, checksum) and, when it is
 * good, writes its rows as CSV for DuckDB to load. A bad file writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { parseExportFile, type ExportCheck, type ParseProblem } from '../../lib/exchange/format';
import { importedSessionKey } from '../../lib/journal/db';

export interface StageRequest {
  path: string;
  seq: number;
  staging: string;
  /** The time plausibility rules take "now" (ms). */
  now: number;
  /** Byte hashes of files read before: such a file is not parsed again. */
  known: string[];
}
export type StageReply =
  | { seq: number; rawHash: string; status: 'known' }
  | { seq: number; rawHash: string; status: 'ok'; checksum: string; events: number; sessions: number; checks: ExportCheck[] }
  | { seq: number; rawHash: string; status: 'rejected'; problem: ParseProblem }
  | { seq: number; rawHash: string; status: 'unreadable'; message: string };

const q = (s: string | undefined) => (s === undefined ? '' : `"${s.replace(/"/g, '""')}"`);

export async function stage(req: StageRequest): Promise<StageReply> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(req.path);
  } catch (error) {
    return { seq: req.seq, rawHash: '', status: 'unreadable', message: (error as Error).message };
  }
  const rawHash = createHash('sha256').update(bytes).digest('hex');
  if (req.known.includes(rawHash)) return { seq: req.seq, rawHash, status: 'known' };
  const parsed = await parseExportFile(bytes.toString('utf8'), req.now, basename(req.path));
  if (!parsed.ok) return { seq: req.seq, rawHash, status: 'rejected', problem: parsed.problem };
  const file = parsed.file;
  const seq = req.seq;
  // Filings are keyed by their officer and id, as the page keeps imported filings (importedSessionKey);
  // a tick belongs to the filing of the same id made by the same officer, else the only one with that id.
  const byId = new Map<string, { key: string; staff: string; unit: string }[]>();
  const filings: string[] = [];
  const shown: string[] = [];
  file.sessions.forEach((s, pos) => {
    const key = importedSessionKey(s.staff, s.unit, s.id);
    const list = byId.get(s.id) ?? [];
    list.push({ key, staff: s.staff, unit: s.unit });
    byId.set(s.id, list);
    filings.push(`${seq},${pos},${q(key)},${q(s.id)},${q(s.procedureKey)},${q(s.procedureCode)},${q(s.procedureName)},${q(s.staff)},${q(s.unit)},${Date.parse(s.createdAt)},${s.demo}`);
    s.checkIds.forEach((c, i) => shown.push(`${seq},${q(key)},${q(c)},${i}`));
  });
  const ticks: string[] = [];
  file.events.forEach((e, pos) => {
    const candidates = byId.get(e.sessionId) ?? [];
    const key = (candidates.find((s) => s.staff === e.staff && s.unit === e.unit) ?? candidates[0])?.key ?? importedSessionKey(e.staff, e.unit, e.sessionId);
    ticks.push(`${seq},${pos},${q(e.id)},${q(key)},${q(e.sessionId)},${q(e.checkId)},${e.state},${q(e.note)},${q(e.staff)},${q(e.unit)},${Date.parse(e.at)},${e.demo}`);
  });
  // Empty tables write no file (DuckDB is given only the files that exist).
  for (const [name, rows] of [['ticks', ticks], ['filings', filings], ['shown', shown]] as const) {
    if (rows.length) writeFileSync(join(req.staging, `${seq}-${name}.csv`), rows.join('\n') + '\n');
  }
  return { seq, rawHash, status: 'ok', checksum: file.checksum, events: file.events.length, sessions: file.sessions.length, checks: file.checks };
}

parentPort?.on('message', (req: StageRequest) => {
  void stage(req).then((reply) => parentPort!.postMessage(reply));
});
