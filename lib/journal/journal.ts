import { comparisonKey } from '../text/normalize';
import { CHECK_STATES, currentOf, tickAfter, type CheckCurrent, type CheckState, type FilingSession, type JournalDb, type TickEvent } from './db';
import { EARLIEST_TIME } from './time';

/** Longest note kept with a tick. */
export const NOTE_MAX = 200;

export type JournalErrorKind = 'quota' | 'version' | 'blocked' | 'invalid' | 'write' | 'clock';

/** A journal failure the UI must show: never swallowed. */
export class JournalError extends Error {
  constructor(
    readonly kind: JournalErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'JournalError';
  }
}

/** The names of an error and of every error it wraps (Dexie's inner, the standard cause). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let e = error as { name?: unknown; inner?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.name === 'string') names.push(e.name);
    e = (e.inner ?? e.cause) as typeof e;
  }
  return names;
}

/**
 * Map IndexedDB / Dexie failures to the kinds the UI explains. A full disk
 * comes in many wrappings (a QuotaExceededError, an AbortError whose inner
 * error is one, a closed connection after it): any of them says "quota".
 */
export function classifyError(error: unknown): JournalError {
  if (error instanceof JournalError) return error;
  const names = errorNames(error);
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (names.includes('QuotaExceededError') || /quota/i.test(message)) return new JournalError('quota', message, error);
  if (names.includes('VersionError') || names.includes('UpgradeError')) return new JournalError('version', message, error);
  if (names.includes('DatabaseClosedError') || names.includes('OpenFailedError') || names.includes('MissingAPIError')) {
    return new JournalError('blocked', message, error);
  }
  return new JournalError('write', message, error);
}

export interface StaffContext {
  staff: string;
  unit: string;
  demo: boolean;
}

/** A procedure's stable key: its national code, else its name folded. */
export function procedureKey(p: { code?: string; name?: string }): string {
  if (p.code?.trim()) return `code:${p.code.trim()}`;
  return `name:${comparisonKey(p.name ?? '')}`;
}

/** A dossier's session id: the same dossier reopened anywhere finds its ticks. */
export function dossierSessionId(procKey: string, dossierCode: string): string {
  return `dossier:${procKey}:${dossierCode.trim()}`;
}

export interface DerivedCheck {
  state: Exclude<CheckState, 'cleared'>;
  note?: string;
  at: number;
  staff: string;
}

/** Current state of each check from the append-only log: the latest tick wins; "cleared" removes. */
export function deriveState(events: readonly TickEvent[]): Map<string, DerivedCheck> {
  const sorted = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map<string, DerivedCheck>();
  for (const e of sorted) {
    if (e.state === 'cleared') out.delete(e.checkId);
    else out.set(e.checkId, { state: e.state, note: e.note, at: e.at, staff: e.staff });
  }
  return out;
}

/** The same, from the per-check current rows. */
export function stateFromCurrent(rows: readonly CheckCurrent[]): Map<string, DerivedCheck> {
  const out = new Map<string, DerivedCheck>();
  for (const r of rows) if (r.state !== 'cleared') out.set(r.checkId, { state: r.state, note: r.note, at: r.at, staff: r.staff });
  return out;
}

export type SessionInput = Omit<FilingSession, 'createdAt' | 'origin' | 'staff' | 'unit' | 'demo'>;

/** A tick as the panel asks for it, before the journal stamps and stores it. */
export interface TickRequest {
  /** Chosen by the caller so that a retry or a replay never stores it twice. */
  id: string;
  sessionId: string;
  checkId: string;
  state: CheckState;
  note?: string;
  ctx: StaffContext;
  /** When the officer clicked (ms). */
  clickedAt?: number;
  /**
   * A tick written again (retry, or replay after a reload): it keeps its click
   * time, so clicks keep their order, and becomes the current state only if
   * nothing later is stored. A new tick is stamped after everything stored.
   */
  again?: boolean;
}

export class Journal {
  private last = 0;
  /** When a write last failed for a full disk: a connection lost right after is the same cause. */
  private quotaAt = -Infinity;

  constructor(
    readonly db: JournalDb,
    private readonly clock: () => number = () => Date.now(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Strictly increasing times within this page, so two quick ticks keep their order. */
  private now(): number {
    this.last = Math.max(this.clock(), this.last + 1);
    return this.last;
  }

  /**
   * Run a journal operation. When the connection was lost (closed after a
   * full disk, storage blocked for a moment), it is opened again and the
   * operation tried once more, so ticks resume as soon as the cause is gone.
   */
  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const first = this.explain(error);
      if (first.kind === 'invalid' || first.kind === 'version' || first.kind === 'clock') throw first;
      try {
        if (!this.db.isOpen()) {
          // A failed or lost connection stays failed in Dexie until opened again.
          this.db.close({ disableAutoOpen: false });
          await this.db.open();
        }
        return await fn();
      } catch (again) {
        throw this.explain(again);
      }
    }
  }

  private explain(error: unknown): JournalError {
    const e = classifyError(error);
    if (e.kind === 'quota') this.quotaAt = Date.now();
    if (e.kind === 'blocked' && Date.now() - this.quotaAt < 10 * 60_000) return new JournalError('quota', e.message, error);
    return e;
  }

  newTickId(): string {
    return this.newId();
  }

  /** The session with this id, created if new; new checks shown later are added to it. */
  async ensureSession(input: SessionInput, ctx: StaffContext): Promise<FilingSession> {
    return this.run(() =>
      this.db.transaction('rw', this.db.sessions, async () => {
        const existing = await this.db.sessions.get(input.id);
        if (existing) {
          const missing = input.checkIds.filter((c) => !existing.checkIds.includes(c));
          if (missing.length === 0) return existing;
          const checkIds = [...existing.checkIds, ...missing];
          await this.db.sessions.update(input.id, { checkIds });
          return { ...existing, checkIds };
        }
        const session: FilingSession = { ...input, staff: ctx.staff, unit: ctx.unit, demo: ctx.demo, createdAt: this.now(), origin: 'local' };
        await this.db.sessions.add(session);
        return session;
      }),
    );
  }

  async tick(sessionId: string, checkId: string, state: CheckState, note: string | undefined, ctx: StaffContext): Promise<TickEvent> {
    return this.write({ id: this.newId(), sessionId, checkId, state, note, ctx });
  }


  /** Why a tick cannot be stored at all (a retry would not help), or null. */
  refusal(req: Pick<TickRequest, 'state' | 'note'>): JournalError | null {
    if (!CHECK_STATES.includes(req.state)) return new JournalError('invalid', `unknown state ${String(req.state)}`);
    const trimmed = req.note?.trim();
    if (trimmed && trimmed.length > NOTE_MAX) return new JournalError('invalid', `note longer than ${NOTE_MAX} characters`);
    const clock = this.clock();
    if (clock < EARLIEST_TIME) return new JournalError('clock', `the computer's clock says ${new Date(clock).toISOString()}`);
    return null;
  }

  /**
   * Store one tick and the check's current state in one transaction. Its time
   * is after everything stored for the check, so the officer's new tick always
   * wins; storing a tick whose id is already there changes nothing (a retry or
   * a replay after a reload) and returns the stored one.
   */
  async write(req: TickRequest): Promise<TickEvent> {
    return (await this.writeMany([req]))[0];
  }

  /** The same for many ticks in one transaction (a burst of clicks is one commit). */
  async writeMany(reqs: readonly TickRequest[]): Promise<TickEvent[]> {
    for (const req of reqs) {
      const refused = this.refusal(req);
      if (refused) throw refused;
    }
    return this.run(() =>
      this.db.transaction('rw', this.db.events, this.db.current, async () => {
        // A tick already stored (a retry, or another page replaying this page's outbox) is not stored again.
        const storedById = new Map<string, TickEvent>();
        for (const e of await this.db.events.bulkGet(reqs.map((r) => r.id))) if (e) storedById.set(e.id, e);
        const keyOf = (r: { sessionId: string; checkId: string }) => JSON.stringify([r.sessionId, r.checkId]);
        const pairs = [...new Map(reqs.map((r) => [keyOf(r), [r.sessionId, r.checkId] as [string, string]])).values()];
        const currents = new Map<string, CheckCurrent>();
        (await this.db.current.bulkGet(pairs)).forEach((c, i) => {
          if (c) currents.set(keyOf({ sessionId: pairs[i][0], checkId: pairs[i][1] }), c);
        });
        const out: TickEvent[] = [];
        const added = new Map<string, TickEvent>();
        const changed = new Set<string>();
        reqs.forEach((req) => {
          const already = storedById.get(req.id) ?? added.get(req.id);
          if (already) {
            out.push(already);
            return;
          }
          const key = keyOf(req);
          const current = currents.get(key);
          const trimmed = req.note?.trim();
          const at = req.again && req.clickedAt !== undefined ? req.clickedAt : Math.max(this.now(), current ? current.at + 1 : 0);
          this.last = Math.max(this.last, at);
          const { ctx } = req;
          const event: TickEvent = { id: req.id, sessionId: req.sessionId, checkId: req.checkId, state: req.state, ...(trimmed ? { note: trimmed } : {}), staff: ctx.staff, unit: ctx.unit, at, demo: ctx.demo };
          added.set(event.id, event);
          out.push(event);
          if (!current || tickAfter(event, { at: current.at, id: current.eventId })) {
            currents.set(key, currentOf(event));
            changed.add(key);
          }
        });
        if (added.size) await this.db.events.bulkAdd([...added.values()]);
        if (changed.size) await this.db.current.bulkPut([...changed].map((k) => currents.get(k)!));
        return out;
      }),
    );
  }

  async sessionsOf(procKey: string): Promise<FilingSession[]> {
    return this.run(async () => (await this.db.sessions.where('procedureKey').equals(procKey).sortBy('createdAt')).reverse());
  }

  async eventsOf(sessionId: string): Promise<TickEvent[]> {
    return this.run(() => this.db.events.where('sessionId').equals(sessionId).toArray());
  }

  /** The current state of each check of an own filing: reads one row per check, not the log. */
  async stateOf(sessionId: string): Promise<Map<string, DerivedCheck>> {
    return this.run(async () => stateFromCurrent(await this.db.current.where('sessionId').equals(sessionId).toArray()));
  }
}
