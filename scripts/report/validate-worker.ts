/**
 * One of `da06 report`'s validation threads: reads an export file, hashes its
 * bytes, and checks it with the page's own rules (lib/exchange parseExportFile).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseExportFile } from '../../lib/exchange/format';

export interface ValidateRequest { path: string; knownRaw: boolean }
export type ValidateReply =
  | { path: string; rawHash: string; status: 'known' }
  | { path: string; rawHash: string; status: 'ok'; checksum: string; events: number; sessions: number; checks: { id: string; label: { vi: string; en: string }; targets: string[] }[] }
  | { path: string; rawHash: string; status: 'rejected'; problem: import('../../lib/exchange/format').ParseProblem }
  | { path: string; rawHash: string; status: 'unreadable'; message: string };

parentPort?.on('message', async (req: ValidateRequest & { known: string[] }) => {
  let reply: ValidateReply;
  try {
    const bytes = readFileSync(req.path);
    const rawHash = createHash('sha256').update(bytes).digest('hex');
    if (req.known.includes(rawHash)) reply = { path: req.path, rawHash, status: 'known' };
    else {
      const parsed = await parseExportFile(bytes.toString('utf8'));
      reply = parsed.ok
        ? { path: req.path, rawHash, status: 'ok', checksum: parsed.file.checksum, events: parsed.file.events.length, sessions: parsed.file.sessions.length, checks: parsed.file.checks.map((c) => ({ id: c.id, label: c.label, targets: c.targets })) }
        : { path: req.path, rawHash, status: 'rejected', problem: parsed.problem };
    }
  } catch (error) {
    reply = { path: req.path, rawHash: '', status: 'unreadable', message: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
