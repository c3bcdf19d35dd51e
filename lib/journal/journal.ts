import { comparisonKey } from '../text/normalize';
import { CHECK_STATES, type CheckState, type FilingSession, type JournalDb, type TickEvent } from './db';

/** Longest note kept with a tick. */
export const NOTE_MAX = 200;

export type JournalErrorKind = 'quota' | 'version' | 'blocked' | 'invalid' | 'write';

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

/** Map IndexedDB / Dexie failures to the kinds the UI explains. */
export function classifyError(error: unknown): JournalError {
  if (error instanceof JournalError) return error;
  const e = error as { name?: string; inner?: { name?: string }; message?: string } | null;
  const names = [e?.name, e?.inner?.name];
  const message = e?.message ?? String(error);
  if (names.includes('QuotaExceededError')) return new JournalError('quota', message, error);
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

export type SessionInput = Omit<FilingSession, 'createdAt' | 'origin' | 'staff' | 'unit' | 'demo'>;

export class Journal {
  private last = 0;

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

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw classifyError(error);
    }
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
    if (!CHECK_STATES.includes(state)) throw new JournalError('invalid', `unknown state ${String(state)}`);
    const trimmed = note?.trim();
    if (trimmed && trimmed.length > NOTE_MAX) throw new JournalError('invalid', `note longer than ${NOTE_MAX} characters`);
    const event: TickEvent = {
      id: this.newId(),
      sessionId,
      checkId,
      state,
      ...(trimmed ? { note: trimmed } : {}),
      staff: ctx.staff,
      unit: ctx.unit,
      at: this.now(),
      demo: ctx.demo,
    };
    await this.run(() => this.db.events.add(event));
    return event;
  }

  async sessionsOf(procKey: string): Promise<FilingSession[]> {
    return this.run(async () => (await this.db.sessions.where('procedureKey').equals(procKey).sortBy('createdAt')).reverse());
  }

  async eventsOf(sessionId: string): Promise<TickEvent[]> {
    return this.run(() => this.db.events.where('sessionId').equals(sessionId).toArray());
  }
}
