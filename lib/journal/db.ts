import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { CustomCheck } from '../checklist/library';

/**
 * The journal's IndexedDB schema (Dexie), with every version it has had.
 * Version 1 kept times as ISO strings and had no unit, demo flag, custom
 * checks or import records; version 2 upgrades such data in place.
 * Version 3 (same stores) repairs filings stored without their officer: the
 * panel used to create a dossier's session before the profile had loaded, so
 * it kept empty staff and unit and demo = false while its ticks carried them.
 * Version 4 moves imported data into tables of its own and adds the per-check
 * current state of own filings (see upgradeToV4).
 */

export const JOURNAL_DB_NAME = 'da06-journal';
export const CHECK_STATES = ['done', 'na', 'cleared'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** One tick: append-only; the current state of a check is its latest tick. */
export interface TickEvent {
  id: string;
  sessionId: string;
  checkId: string;
  state: CheckState;
  /** Optional short note (≤ 200 characters), mostly for "not applicable". */
  note?: string;
  staff: string;
  unit: string;
  /** ms since epoch. */
  at: number;
  demo: boolean;
}

/** A filing being processed: procedure + dossier code, or a name the user chose. */
export interface FilingSession {
  id: string;
  procedureKey: string;
  procedureCode?: string;
  procedureName: string;
  dossierCode?: string;
  label: string;
  /** The checks the filing showed (the denominator of completion rates). */
  checkIds: string[];
  staff: string;
  unit: string;
  createdAt: number;
  demo: boolean;
  /** "local", or the checksum of the export file it was imported from. */
  origin: string;
}

export interface ImportRecord {
  checksum: string;
  fileName: string;
  importedAt: number;
  events: number;
}

/** Shapes written by version 1 (kept for the migration and its test). */
export interface TickEventV1 {
  id: string;
  sessionId: string;
  checkId: string;
  state: CheckState;
  note?: string;
  staff?: string;
  at: string;
}
export interface FilingSessionV1 {
  id: string;
  procedureKey: string;
  procedureCode?: string;
  procedureName: string;
  dossierCode?: string;
  createdAt: string;
}

export function defineJournalV1(db: Dexie): void {
  db.version(1).stores({ events: 'id, sessionId, at', sessions: 'id, procedureKey, createdAt' });
}

const STORES_V2 = {
  // Only what the panel queries; reports filter in memory.
  events: 'id, sessionId, at, [sessionId+checkId]',
  sessions: 'id, procedureKey, createdAt',
  customChecks: 'id',
  imports: 'checksum',
};

/** Versions 1 and 2: the schema as it was before the officer repair (kept for the v3 upgrade test). */
export function defineJournalV2(db: Dexie): void {
  defineJournalV1(db);
  db.version(2)
    .stores(STORES_V2)
    .upgrade(async (tx) => {
      // A time that cannot be read must not become NaN (it sorts nowhere and exports as "Invalid Date"):
      // a filing takes the upgrade's time, a tick its filing's time.
      const upgradeTime = Date.now();
      const created = new Map<string, number>();
      await tx
        .table('sessions')
        .toCollection()
        .modify((s: Record<string, unknown>) => {
          if (typeof s.createdAt === 'string') s.createdAt = Date.parse(s.createdAt);
          if (typeof s.createdAt !== 'number' || !Number.isFinite(s.createdAt)) s.createdAt = upgradeTime;
          created.set(s.id as string, s.createdAt as number);
          s.label ??= (s.dossierCode as string | undefined) ?? s.procedureName;
          s.checkIds ??= [];
          s.staff ??= '';
          s.unit ??= '';
          s.demo ??= false;
          s.origin ??= 'local';
        });
      await tx
        .table('events')
        .toCollection()
        .modify((e: Record<string, unknown>) => {
          if (typeof e.at === 'string') e.at = Date.parse(e.at);
          if (typeof e.at !== 'number' || !Number.isFinite(e.at)) e.at = created.get(e.sessionId as string) ?? upgradeTime;
          e.staff ??= '';
          e.unit ??= '';
          e.demo ??= false;
        });
    });
}

/** A session with neither staff nor unit was stored before the profile was known. */
export function lacksOfficer(s: { staff?: string; unit?: string }): boolean {
  return !s.staff && !s.unit;
}


/**
 * Data imported from other officers' export files (version 4): kept apart from
 * the officer's own `sessions` and `events`, so an import never changes what
 * the panel shows. A filing imported from officer A and the same dossier from
 * officer B are two rows (keyed by officer and id): each keeps its own ticks.
 */
export interface ImportedSession extends FilingSession {
  /** importedSessionKey(staff, unit, id). */
  key: string;
}

export interface ImportedEvent extends TickEvent {
  /** The key of the imported filing it belongs to. */
  sessionKey: string;
  /** Checksum of the file that brought it. */
  origin: string;
}

/** A custom check defined in another browser, as its export file described it. */
export interface ImportedCheck {
  id: string;
  label: { vi: string; en: string };
  targets: string[];
  retired?: boolean;
  origin: string;
}

/** The current state of one check of one own filing: the latest tick, kept in step with every append. */
export interface CheckCurrent {
  sessionId: string;
  checkId: string;
  state: CheckState;
  note?: string;
  staff: string;
  at: number;
  eventId: string;
}

/** An imported filing's key: the officer who made it (staff, unit) and its id. */
export function importedSessionKey(staff: string, unit: string, id: string): string {
  return JSON.stringify([staff, unit, id]);
}

/** True when tick a comes after tick b (later time; equal times by id). */
export function tickAfter(a: { at: number; id: string }, b: { at: number; id: string }): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

export const STORES_V4 = {
  ...STORES_V2,
  importedSessions: 'key, id, procedureKey, origin',
  importedEvents: 'id, sessionKey, origin',
  importedChecks: 'id',
  current: '[sessionId+checkId], sessionId',
};

/**
 * Version 4: imported rows leave the officer's own tables (nothing deleted):
 * filings whose origin is an import file, the ticks of those filings, and —
 * once anything was imported — ticks in an own filing made by another officer
 * (staff and unit differ from the filing's), which could only come from a file.
 * Then the per-check current state of every own filing is built.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const sessions = tx.table<FilingSession, string>('sessions');
  const events = tx.table<TickEvent, string>('events');
  const importedSessions = tx.table<ImportedSession, string>('importedSessions');
  const importedEvents = tx.table<ImportedEvent, string>('importedEvents');
  const anyImport = (await tx.table('imports').count()) > 0;
  const all = await sessions.toArray();
  const own = new Map(all.filter((s) => s.origin === 'local').map((s) => [s.id, s]));
  const moved = new Map<string, ImportedSession>();
  const copies = new Set<string>();
  for (const s of all) {
    if (s.origin === 'local') continue;
    const row: ImportedSession = { ...s, key: importedSessionKey(s.staff, s.unit, s.id) };
    moved.set(s.id, row);
  }
  const movedEvents: ImportedEvent[] = [];
  await events.toCollection().each((e) => {
    if (!Number.isFinite(e.at)) e.at = own.get(e.sessionId)?.createdAt ?? moved.get(e.sessionId)?.createdAt ?? Date.now();
    const mine = own.get(e.sessionId);
    if (mine) {
      if (!anyImport || lacksOfficer(mine) || lacksOfficer(e) || (e.staff === mine.staff && e.unit === mine.unit)) return;
      // Another officer's tick in an own filing: a copy of the filing under that officer takes it.
      const key = importedSessionKey(e.staff, e.unit, mine.id);
      if (!copies.has(key)) moved.set(key, { ...mine, staff: e.staff, unit: e.unit, demo: e.demo, origin: 'migrated', key });
      copies.add(key);
      movedEvents.push({ ...e, sessionKey: key, origin: 'migrated' });
      return;
    }
    const session = moved.get(e.sessionId);
    if (session) movedEvents.push({ ...e, sessionKey: session.key, origin: session.origin });
  });
  await importedSessions.bulkPut([...moved.values()]);
  await importedEvents.bulkPut(movedEvents);
  await events.bulkDelete(movedEvents.map((e) => e.id));
  await sessions.bulkDelete(all.filter((s) => s.origin !== 'local').map((s) => s.id));
  // Repair times that an earlier upgrade turned into NaN.
  await events.toCollection().modify((e) => {
    if (!Number.isFinite(e.at)) e.at = own.get(e.sessionId)?.createdAt ?? Date.now();
  });
  const current = new Map<string, CheckCurrent>();
  await events.toCollection().each((e) => {
    const k = JSON.stringify([e.sessionId, e.checkId]);
    const c = current.get(k);
    if (!c || tickAfter(e, { at: c.at, id: c.eventId })) current.set(k, currentOf(e));
  });
  await tx.table('current').bulkPut([...current.values()]);
}

export function currentOf(e: TickEvent): CheckCurrent {
  return { sessionId: e.sessionId, checkId: e.checkId, state: e.state, ...(e.note ? { note: e.note } : {}), staff: e.staff, at: e.at, eventId: e.id };
}

/** Versions 1 to 3 (kept for the v4 upgrade test). */
export function defineJournalV3(db: Dexie): void {
  defineJournalV2(db);
  db.version(3)
    .stores(STORES_V2)
    .upgrade(async (tx) => {
      const sessions = tx.table<FilingSession, string>('sessions');
      const events = tx.table<TickEvent, string>('events');
      const broken = await sessions.filter(lacksOfficer).toArray();
      for (const s of broken) {
        // Its first tick that names an officer (oldest first; ties by id, as deriveState orders them).
        const ticks = (await events.where('sessionId').equals(s.id).toArray()).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const first = ticks.find((e) => !lacksOfficer(e));
        if (first) await sessions.update(s.id, { staff: first.staff, unit: first.unit, demo: first.demo });
      }
    });
}

export function defineJournalVersions(db: Dexie): void {
  defineJournalV3(db);
  db.version(4).stores(STORES_V4).upgrade(upgradeToV4);
}

export class JournalDb extends Dexie {
  events!: EntityTable<TickEvent, 'id'>;
  sessions!: EntityTable<FilingSession, 'id'>;
  customChecks!: EntityTable<CustomCheck, 'id'>;
  imports!: EntityTable<ImportRecord, 'checksum'>;
  importedSessions!: EntityTable<ImportedSession, 'key'>;
  importedEvents!: EntityTable<ImportedEvent, 'id'>;
  importedChecks!: EntityTable<ImportedCheck, 'id'>;
  current!: Table<CheckCurrent, [string, string]>;

  constructor(name = JOURNAL_DB_NAME, options?: DexieOptions) {
    super(name, options);
    defineJournalVersions(this);
  }
}
