import type { FilingSession, TickEvent } from '../journal/db';

/**
 * Cut a journal into parts of at most `maxEvents` ticks, whole filings only
 * (a filing's ticks stay together; a filing with more ticks than the limit
 * is a part of its own). Ticks whose filing is missing go in the last part.
 * For "export everything for da06 report": one file per part.
 */
export function splitByFilings<S extends FilingSession, E extends TickEvent>(sessions: readonly S[], events: readonly E[], maxEvents: number): { sessions: S[]; events: E[] }[] {
  const bySession = new Map<string, E[]>();
  const orphans: E[] = [];
  const known = new Set<string>();
  for (const s of sessions) known.add(s.id);
  for (const e of events) {
    if (!known.has(e.sessionId)) {
      orphans.push(e);
      continue;
    }
    const list = bySession.get(e.sessionId);
    if (list) list.push(e);
    else bySession.set(e.sessionId, [e]);
  }
  const parts: { sessions: S[]; events: E[] }[] = [];
  let part = { sessions: [] as S[], events: [] as E[] };
  for (const s of sessions) {
    const ticks = bySession.get(s.id) ?? [];
    if (part.sessions.length && part.events.length + ticks.length > maxEvents) {
      parts.push(part);
      part = { sessions: [], events: [] };
    }
    part.sessions.push(s);
    for (const e of ticks) part.events.push(e);
  }
  for (const e of orphans) part.events.push(e);
  if (part.sessions.length || part.events.length) parts.push(part);
  return parts;
}
