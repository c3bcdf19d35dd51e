import Dexie, { type EntityTable } from 'dexie';
import type { CustomCheck } from '../checklist/library';

/**
 * The journal's IndexedDB schema (Dexie), with every version it has had.
 * Version 1 kept times as ISO strings and had no unit, demo flag, custom
 * checks or import records; version 2 upgrades such data in place.
 * Version 3 (same stores) repairs filings stored without their officer: the
 * panel used to create a dossier's session before the profile had loaded, so
 * it kept empty staff and unit and demo = false while its ticks carried them.
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
      await tx
        .table('events')
        .toCollection()
        .modify((e: Record<string, unknown>) => {
          if (typeof e.at === 'string') e.at = Date.parse(e.at);
          e.staff ??= '';
          e.unit ??= '';
          e.demo ??= false;
        });
      await tx
        .table('sessions')
        .toCollection()
        .modify((s: Record<string, unknown>) => {
          if (typeof s.createdAt === 'string') s.createdAt = Date.parse(s.createdAt);
          s.label ??= (s.dossierCode as string | undefined) ?? s.procedureName;
          s.checkIds ??= [];
          s.staff ??= '';
          s.unit ??= '';
          s.demo ??= false;
          s.origin ??= 'local';
        });
    });
}

/** A session with neither staff nor unit was stored before the profile was known. */
export function lacksOfficer(s: { staff?: string; unit?: string }): boolean {
  return !s.staff && !s.unit;
}

export function defineJournalVersions(db: Dexie): void {
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

export class JournalDb extends Dexie {
  events!: EntityTable<TickEvent, 'id'>;
  sessions!: EntityTable<FilingSession, 'id'>;
  customChecks!: EntityTable<CustomCheck, 'id'>;
  imports!: EntityTable<ImportRecord, 'checksum'>;

  constructor(name = JOURNAL_DB_NAME) {
    super(name);
    defineJournalVersions(this);
  }
}
