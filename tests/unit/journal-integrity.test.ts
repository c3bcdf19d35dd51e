import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defineJournalV1, defineJournalV3, JournalDb, type FilingSession, type TickEvent } from '../../lib/journal/db';
import { deriveState, dossierSessionId, Journal, type StaffContext } from '../../lib/journal/journal';
import { importExportFiles, type ImportOutcome } from '../../lib/exchange/import';
import { buildExportFile, checksumText, sha256Hex, type ExportCheck, type ExportFile } from '../../lib/exchange/format';
import { exportChecks } from '../../lib/exchange/checks';
import { readReportSource } from '../../lib/journal/report-source';
import { buildReport } from '../../lib/report/aggregate';
import { longRows, toCsv, type CsvHeadings } from '../../lib/export/csv';
import { toXlsx } from '../../lib/export/xlsx';
import { realBuild } from './helpers';

/*
 * Issue 15 causes 1–3 and issue 12's "imported data kept apart", as attacks on
 * the journal library (fake-indexeddb). Each test is titled
 * "attack: <input> → <expected>" for the README's attacks table.
 */

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0); // 2026-11-23 10:00 in Hà Nội
const me: StaffContext = { staff: 'Cán bộ Minh', unit: 'ubnd-cap-xa', demo: false };
const colleague: StaffContext = { staff: 'Cán bộ Lan', unit: 'cong-an-tinh', demo: false };
const PROC = 'code:1.001193';
const DOSSIER = 'H01.23-241122-0001';
const SID = dossierSessionId(PROC, DOSSIER);
const CHECKS: ExportCheck[] = [
  { id: 'dinh-danh', source: 'library', label: { vi: 'Định danh', en: 'Identify' }, targets: [] },
  { id: 'so-hoa', source: 'library', label: { vi: 'Số hóa', en: 'Digitize' }, targets: [] },
];

let n = 0;
const dbs: Dexie[] = [];
function freshDb(name = `test-integrity-${Date.now()}-${n++}`): JournalDb {
  const db = new JournalDb(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A journal whose clock starts at `start` and advances one minute per reading. */
function clockFrom(start: number): () => number {
  let t = start;
  return () => (t += 60_000);
}

const session = (ctx: StaffContext, checkIds = ['dinh-danh', 'so-hoa']) => ({
  id: SID, procedureKey: PROC, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: DOSSIER, label: DOSSIER, checkIds,
});

/** An officer's own browser with some ticks on the shared dossier; returns their export file. */
async function officerFile(ctx: StaffContext, ticks: [string, 'done' | 'na' | 'cleared'][], start = NOW - 86_400_000): Promise<ExportFile> {
  const db = freshDb();
  const journal = new Journal(db, clockFrom(start));
  await journal.ensureSession(session(ctx), ctx);
  for (const [check, state] of ticks) await journal.tick(SID, check, state, undefined, ctx);
  return buildExportFile({ sessions: await db.sessions.toArray(), events: await db.events.toArray() }, CHECKS, ctx, {}, start + 3_600_000);
}

/** Re-seal a hand-edited file (as an attacker or another tool would). */
async function seal(file: Omit<ExportFile, 'checksum'> & { checksum?: string }): Promise<string> {
  const { checksum: _old, ...body } = file;
  return JSON.stringify({ ...body, checksum: await sha256Hex(checksumText(body as Omit<ExportFile, 'checksum'>)) });
}

const imported = (o: ImportOutcome) => (o.status === 'imported' ? o : expect.fail(`expected imported, got ${JSON.stringify(o.status === 'rejected' ? o.problem : o.status)}`));

describe('imported data kept apart', () => {
  it("attack: colleague's file with the same dossier session id → the officer's panel shows none of its ticks", async () => {
    const db = freshDb();
    const journal = new Journal(db, clockFrom(NOW - 3_600_000));
    await journal.ensureSession(session(me), me);
    await journal.tick(SID, 'dinh-danh', 'done', undefined, me);
    const theirs = await officerFile(colleague, [['so-hoa', 'done'], ['dinh-danh', 'cleared']]);
    imported((await importExportFiles(db, [{ name: 'lan.json', text: JSON.stringify(theirs) }], NOW))[0]);

    const panel = deriveState(await journal.eventsOf(SID));
    expect([...panel.keys()]).toEqual(['dinh-danh']);
    expect(panel.get('dinh-danh')?.staff).toBe(me.staff);
    expect((await journal.stateOf(SID)).get('so-hoa')).toBeUndefined();
    // The officer's own filing is untouched: same officer, same checks, still "local".
    expect(await db.sessions.get(SID)).toMatchObject({ staff: me.staff, unit: me.unit, origin: 'local', checkIds: ['dinh-danh', 'so-hoa'] });
  });

  it("attack: two officers' files on one dossier → each officer's ticks count under their own unit, neither merges into the other", async () => {
    const a = await officerFile(me, [['dinh-danh', 'done'], ['so-hoa', 'done']]);
    const b = await officerFile(colleague, [['dinh-danh', 'done']]);
    const supervisor = freshDb();
    const outcomes = await importExportFiles(supervisor, [{ name: 'a.json', text: JSON.stringify(a) }, { name: 'b.json', text: JSON.stringify(b) }], NOW);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(imported(outcomes[1]).sessions).toBe(1);

    const source = await readReportSource(supervisor);
    expect(source.sessions.map((s) => [s.staff, s.unit, s.sourceId]).sort()).toEqual([
      [colleague.staff, colleague.unit, SID],
      [me.staff, me.unit, SID],
    ].sort());
    for (const e of source.events) {
      const owner = source.sessions.find((s) => s.id === e.sessionId)!;
      expect([owner.staff, owner.unit]).toEqual([e.staff, e.unit]);
    }
    const report = buildReport(source.sessions, source.events, CHECKS.map((c) => ({ id: c.id, label: c.label.vi, targets: [] })), realBuild().catalog);
    const byUnit = Object.fromEntries(report.byUnit.map((r) => [r.key, [r.done, r.applicable]]));
    expect(byUnit).toEqual({ [me.unit]: [2, 2], [colleague.unit]: [1, 2] });
  });

  it('attack: supervisor re-exports two officers on one dossier → the export keeps the original ids and imports elsewhere with both officers intact', async () => {
    const supervisor = freshDb();
    await importExportFiles(supervisor, [
      { name: 'a.json', text: JSON.stringify(await officerFile(me, [['dinh-danh', 'done']])) },
      { name: 'b.json', text: JSON.stringify(await officerFile(colleague, [['so-hoa', 'na']])) },
    ], NOW);
    const source = await readReportSource(supervisor);
    const again = await buildExportFile(source, exportChecks([], source.importedChecks), { staff: 'Lãnh đạo', unit: 'ubnd-tinh' }, {}, NOW);
    expect(again.sessions.map((s) => s.id)).toEqual([SID, SID]);
    expect(new Set(again.events.map((e) => e.sessionId))).toEqual(new Set([SID]));
    const province = freshDb();
    imported((await importExportFiles(province, [{ name: 'tong-hop.json', text: JSON.stringify(again) }], NOW))[0]);
    const back = await readReportSource(province);
    expect(back.sessions.map((s) => s.staff).sort()).toEqual([colleague.staff, me.staff].sort());
    expect(back.events).toHaveLength(2);
  });

  it("attack: officer imports their own export back → nothing doubles: ticks counted as duplicates, no second filing", async () => {
    const db = freshDb();
    const journal = new Journal(db, clockFrom(NOW - 3_600_000));
    await journal.ensureSession(session(me), me);
    await journal.tick(SID, 'dinh-danh', 'done', undefined, me);
    const mine = await buildExportFile({ sessions: await db.sessions.toArray(), events: await db.events.toArray() }, CHECKS, me, {}, NOW);
    const o = imported((await importExportFiles(db, [{ name: 'cua-toi.json', text: JSON.stringify(mine) }], NOW))[0]);
    expect(o).toMatchObject({ added: 0, duplicates: 1, sessions: 0, sessionsKnown: 1 });
    const source = await readReportSource(db);
    expect(source.sessions).toHaveLength(1);
    expect(source.events).toHaveLength(1);
  });

  it('attack: database from before the split (imported rows in the own tables) → upgrade moves them out without loss; own ticks stay in the panel', async () => {
    const name = `test-integrity-v3-${n++}`;
    const v3 = new Dexie(name);
    defineJournalV3(v3);
    const own: FilingSession = { ...session(me), staff: me.staff, unit: me.unit, demo: false, createdAt: NOW - 7_200_000, origin: 'local' };
    const foreign: FilingSession = { ...session(colleague), id: 'dossier:code:1.001193:OTHER', dossierCode: 'OTHER', label: 'OTHER', staff: colleague.staff, unit: colleague.unit, demo: false, createdAt: NOW - 7_200_000, origin: 'a'.repeat(64) };
    const tick = (id: string, sessionId: string, who: StaffContext, at: number, state: TickEvent['state'] = 'done'): TickEvent => ({ id, sessionId, checkId: 'dinh-danh', state, staff: who.staff, unit: who.unit, at, demo: false });
    await v3.table('sessions').bulkAdd([own, foreign]);
    await v3.table('events').bulkAdd([
      tick('mine-1', SID, me, NOW - 3_600_000),
      tick('theirs-in-mine', SID, colleague, NOW - 1_800_000, 'cleared'),
      tick('theirs-1', foreign.id, colleague, NOW - 3_000_000),
    ]);
    await v3.table('imports').add({ checksum: 'a'.repeat(64), fileName: 'lan.json', importedAt: NOW - 600_000, events: 2 });
    v3.close();

    const db = new JournalDb(name);
    dbs.push(db);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['mine-1']);
    expect((await db.sessions.toArray()).map((s) => s.id)).toEqual([SID]);
    expect((await db.importedEvents.toArray()).map((e) => e.id).sort()).toEqual(['theirs-1', 'theirs-in-mine']);
    const journal = new Journal(db);
    expect((await journal.stateOf(SID)).get('dinh-danh')?.state).toBe('done');
    const source = await readReportSource(db);
    expect(source.events).toHaveLength(3);
    const theirs = source.events.find((e) => e.id === 'theirs-in-mine')!;
    expect(source.sessions.find((s) => s.id === theirs.sessionId)).toMatchObject({ staff: colleague.staff, unit: colleague.unit, sourceId: SID });
  });
});

describe('time you can trust', () => {
  it('attack: colleague file with a "cleared" tick at 9999-12-31 → rejected naming events[i].at; the officer\'s later "done" clicks show', async () => {
    const db = freshDb();
    const journal = new Journal(db, clockFrom(NOW - 3_600_000));
    await journal.ensureSession(session(me), me);
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const hostile = await seal({ ...file, events: [...file.events, { ...file.events[0], id: 'future', state: 'cleared', at: '9999-12-31T00:00:00.000Z' }] });
    const [o] = await importExportFiles(db, [{ name: 'lan.json', text: hostile }], NOW);
    expect(o).toMatchObject({ status: 'rejected', problem: { kind: 'time', field: 'events[1].at' } });
    for (let i = 0; i < 3; i++) await journal.tick(SID, 'dinh-danh', i % 2 ? 'cleared' : 'done', undefined, me);
    expect(deriveState(await journal.eventsOf(SID)).get('dinh-danh')?.state).toBe('done');
    expect((await journal.stateOf(SID)).get('dinh-danh')?.state).toBe('done');
  });

  it('attack: a tick stored at 9999-12-31 for a check (wrong clock) → the next click is stamped after it and wins', async () => {
    const db = freshDb();
    const journal = new Journal(db, clockFrom(NOW));
    await journal.ensureSession(session(me), me);
    const far = Date.UTC(9999, 11, 31);
    await db.events.add({ id: 'x-far', sessionId: SID, checkId: 'dinh-danh', state: 'cleared', staff: me.staff, unit: me.unit, at: far, demo: false });
    await db.current.put({ sessionId: SID, checkId: 'dinh-danh', state: 'cleared', staff: me.staff, at: far, eventId: 'x-far' });
    const next = await journal.tick(SID, 'dinh-danh', 'done', undefined, me);
    expect(next.at).toBeGreaterThan(far);
    expect(deriveState(await journal.eventsOf(SID)).get('dinh-danh')?.state).toBe('done');
    expect((await journal.stateOf(SID)).get('dinh-danh')?.state).toBe('done');
  });

  it('attack: computer clock set to 2019 → the tick is refused with a "clock" error, nothing stored', async () => {
    const db = freshDb();
    const journal = new Journal(db, () => Date.UTC(2019, 5, 1));
    await expect(journal.tick(SID, 'dinh-danh', 'done', undefined, me)).rejects.toMatchObject({ kind: 'clock' });
    expect(await db.events.count()).toBe(0);
  });

  it('attack: time "0000-01-01T00:00:00+23:59" → rejected naming the field (never re-exported as -000001-12-31)', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const hostile = await seal({ ...file, sessions: [{ ...file.sessions[0], createdAt: '0000-01-01T00:00:00+23:59' }] });
    const db = freshDb();
    const [o] = await importExportFiles(db, [{ name: 'x.json', text: hostile }], NOW);
    expect(o).toMatchObject({ status: 'rejected', problem: { kind: 'time', field: 'sessions[0].createdAt', value: '0000-01-01T00:00:00+23:59' } });
    expect(await db.importedSessions.count()).toBe(0);
  });

  it('attack: any time the importer accepts (any offset) → the supervisor\'s re-export imports again (property)', async () => {
    const base = await officerFile(colleague, [['dinh-danh', 'done']]);
    const offset = fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const local = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19));
    await fc.assert(
      fc.asyncProperty(local, offset, async (when, off) => {
        const text = await seal({ ...base, events: [{ ...base.events[0], at: `${when}${off}` }] });
        const db = freshDb();
        const [o] = await importExportFiles(db, [{ name: 'p.json', text }], NOW);
        if (o.status !== 'imported') {
          expect(o).toMatchObject({ status: 'rejected', problem: { kind: 'time' } });
          return;
        }
        const source = await readReportSource(db);
        const again = await buildExportFile(source, CHECKS, { staff: 'S', unit: 'u' }, {}, NOW);
        const [o2] = await importExportFiles(freshDb(), [{ name: 'again.json', text: JSON.stringify(again) }], NOW);
        expect(o2.status).toBe('imported');
      }),
      { numRuns: 60 },
    );
  });

  it('attack: v1 row with the time "hôm qua" → migrates to its filing\'s time (not NaN); the export imports again', async () => {
    const name = `test-integrity-v1-${n++}`;
    const v1 = new Dexie(name);
    defineJournalV1(v1);
    await v1.table('sessions').add({ id: SID, procedureKey: PROC, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: DOSSIER, createdAt: '2025-03-01T02:00:00.000Z' });
    await v1.table('events').bulkAdd([
      { id: 'e1', sessionId: SID, checkId: 'dinh-danh', state: 'done', at: 'hôm qua' },
      { id: 'e2', sessionId: 'nowhere', checkId: 'so-hoa', state: 'done', at: 'not a time' },
    ]);
    v1.close();
    const db = new JournalDb(name);
    dbs.push(db);
    const events = await db.events.toArray();
    expect(events.every((e) => Number.isFinite(e.at))).toBe(true);
    expect(events.find((e) => e.id === 'e1')?.at).toBe(Date.parse('2025-03-01T02:00:00.000Z'));
    const file = await buildExportFile({ sessions: await db.sessions.toArray(), events: events.filter((e) => e.sessionId === SID) }, CHECKS, me, {}, NOW);
    expect((await importExportFiles(freshDb(), [{ name: 'v1.json', text: JSON.stringify(file) }], NOW))[0].status).toBe('imported');
  });
});

describe('import that reports every conflict', () => {
  it('attack: same tick id, file says "cleared", stored says "done" → reported with its position, nothing written; keep or replace on request', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const db = freshDb();
    imported((await importExportFiles(db, [{ name: 'lan-1.json', text: JSON.stringify(file) }], NOW))[0]);
    const edited = await seal({ ...file, exportedAt: new Date(NOW - 60_000).toISOString(), events: [{ ...file.events[0], state: 'cleared' }] });
    const [ask] = await importExportFiles(db, [{ name: 'lan-2.json', text: edited }], NOW);
    expect(ask).toMatchObject({ status: 'conflict', conflicts: [{ kind: 'event', id: file.events[0].id, position: 'events[0]', against: 'imported', fields: ['state'] }] });
    expect((await db.importedEvents.get(file.events[0].id))?.state).toBe('done');
    expect(await db.imports.count()).toBe(1);

    const [kept] = await importExportFiles(db, [{ name: 'lan-2.json', text: edited }], { now: NOW, choice: 'keep' });
    expect(kept).toMatchObject({ status: 'imported', choice: 'keep', replaced: 0 });
    expect((await db.importedEvents.get(file.events[0].id))?.state).toBe('done');

    const db2 = freshDb();
    await importExportFiles(db2, [{ name: 'lan-1.json', text: JSON.stringify(file) }], NOW);
    const [replaced] = await importExportFiles(db2, [{ name: 'lan-2.json', text: edited }], { now: NOW, choice: 'replace' });
    expect(replaced).toMatchObject({ status: 'imported', choice: 'replace', replaced: 1 });
    expect((await db2.importedEvents.get(file.events[0].id))?.state).toBe('cleared');
  });

  it('attack: one file repeats a tick id with different content → conflict "file" at the second position', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const text = await seal({ ...file, events: [file.events[0], { ...file.events[0], state: 'na' }] });
    const [o] = await importExportFiles(freshDb(), [{ name: 'x.json', text }], NOW);
    expect(o).toMatchObject({ status: 'conflict', conflicts: [{ kind: 'event', position: 'events[1]', against: 'file', fields: ['state'] }] });
  });

  it('attack: the same file content twice under new checksums (identical ticks) → skipped and counted as duplicates', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done'], ['so-hoa', 'na']]);
    const db = freshDb();
    await importExportFiles(db, [{ name: '1.json', text: JSON.stringify(file) }], NOW);
    const text = await seal({ ...file, exportedAt: new Date(NOW - 1000).toISOString(), events: [...file.events, file.events[0]] });
    const o = imported((await importExportFiles(db, [{ name: '2.json', text }], NOW))[0]);
    expect(o).toMatchObject({ added: 0, duplicates: 3, sessions: 0, sessionsKnown: 1, conflicts: [] });
  });

  it("attack: a stored filing and the file's copy list different checks → check lists merged (union) and counted", async () => {
    const db = freshDb();
    const small = await officerFile(colleague, [['dinh-danh', 'done']]);
    const narrowed = await seal({ ...small, sessions: [{ ...small.sessions[0], checkIds: ['dinh-danh'] }] });
    await importExportFiles(db, [{ name: 'a.json', text: narrowed }], NOW);
    const wide = await seal({ ...small, exportedAt: new Date(NOW - 5000).toISOString(), sessions: [{ ...small.sessions[0], checkIds: ['dinh-danh', 'so-hoa', 'custom-lan-1'] }], events: [] });
    const o = imported((await importExportFiles(db, [{ name: 'b.json', text: wide }], NOW))[0]);
    expect(o.sessionsMerged).toBe(1);
    expect(o.unknownChecks).toEqual(['custom-lan-1']);
    expect((await db.importedSessions.toArray())[0].checkIds).toEqual(['dinh-danh', 'so-hoa', 'custom-lan-1']);
  });

  it('attack: a custom check defined only in the file → stored with its wording, shown in the report and carried on re-export, CSV and XLSX', async () => {
    const db = freshDb();
    const journal = new Journal(db, clockFrom(NOW - 86_400_000));
    await journal.ensureSession({ ...session(colleague), checkIds: ['dinh-danh', 'custom-lan-1'] }, colleague);
    await journal.tick(SID, 'custom-lan-1', 'done', undefined, colleague);
    const custom: ExportCheck = { id: 'custom-lan-1', source: 'custom', label: { vi: 'Gọi điện báo kết quả', en: 'Gọi điện báo kết quả' }, targets: [] };
    const file = await buildExportFile({ sessions: await db.sessions.toArray(), events: await db.events.toArray() }, [...CHECKS, custom], colleague, {}, NOW);
    const supervisor = freshDb();
    const o = imported((await importExportFiles(supervisor, [{ name: 'lan.json', text: JSON.stringify(file) }], NOW))[0]);
    expect(o.checksAdded).toBe(1);
    expect(o.unknownChecks).toEqual([]);
    const source = await readReportSource(supervisor);
    const checks = exportChecks([], source.importedChecks);
    const report = buildReport(source.sessions, source.events, checks.map((c) => ({ id: c.id, label: c.label.vi, targets: c.targets })), realBuild().catalog);
    expect(report.byCheck.find((r) => r.key === 'custom-lan-1')?.label).toBe('Gọi điện báo kết quả');
    const again = await buildExportFile(source, checks, { staff: 'S', unit: 'u' }, {}, NOW);
    expect(again.checks.find((c) => c.id === 'custom-lan-1')?.label.vi).toBe('Gọi điện báo kết quả');
    const label = (id: string) => checks.find((c) => c.id === id)?.label.vi ?? id;
    expect(toCsv(longRows(source, label, H))).toContain('Gọi điện báo kết quả');
    expect((await toXlsx([{ name: 'x', rows: longRows(source, label, H) }])).size).toBeGreaterThan(0);
  });

  it('attack: an unknown key in an event ("isAdmin": true), re-sealed → rejected as invalid naming the key', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const text = await seal({ ...file, events: [{ ...file.events[0], isAdmin: true } as ExportFile['events'][number]] });
    const [o] = await importExportFiles(freshDb(), [{ name: 'x.json', text }], NOW);
    expect(o).toMatchObject({ status: 'rejected', problem: { kind: 'invalid' } });
    expect(o.status === 'rejected' && o.problem.kind === 'invalid' && o.problem.detail).toMatch(/events\[0\].*isAdmin/);
  });

  it('attack: an unknown top-level key outside the checksum → rejected as invalid', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const [o] = await importExportFiles(freshDb(), [{ name: 'x.json', text: JSON.stringify({ ...file, extra: 'x'.repeat(1000) }) }], NOW);
    expect(o).toMatchObject({ status: 'rejected', problem: { kind: 'invalid' } });
  });

  it('attack: filter.unit of 1 MB → rejected as invalid', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const text = await seal({ ...file, filter: { unit: 'x'.repeat(1_000_000) } });
    const [o] = await importExportFiles(freshDb(), [{ name: 'x.json', text }], NOW);
    expect(o).toMatchObject({ status: 'rejected', problem: { kind: 'invalid' } });
    expect(o.status === 'rejected' && o.problem.kind === 'invalid' && o.problem.detail).toMatch(/^filter\.unit/);
  });

  it('attack: ticks naming a filing and a check that exist nowhere → imported and flagged (positions, ids)', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const text = await seal({ ...file, events: [...file.events, { ...file.events[0], id: 'ghost', sessionId: 'dossier:code:9:none', checkId: 'khong-co' }] });
    const o = imported((await importExportFiles(freshDb(), [{ name: 'x.json', text }], NOW))[0]);
    expect(o.orphans).toEqual(['events[1]']);
    expect(o.unknownChecks).toEqual(['khong-co']);
  });

  it('attack: the per-tick CSV export given to the importer → "this is a CSV export, import the JSON", not "damaged"', async () => {
    const db = freshDb();
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    const csv = toCsv([['Phiên', 'Mã TTHC'], ['H1', '1.001193']]);
    const xlsx = await toXlsx([{ name: 'x', rows: [['a', 'b']] }]);
    const outcomes = await importExportFiles(db, [
      { name: 'da06-su-kien-2026-11-23.csv', text: csv },
      { name: 'renamed.json', text: csv },
      { name: 'da06-2026-11-23.xlsx', text: await xlsx.text() },
      { name: 'good.json', text: JSON.stringify(file) },
    ], NOW);
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.problem.kind : o.status))).toEqual(['spreadsheet', 'spreadsheet', 'spreadsheet', 'imported']);
  });

  it('attack: a file exported by the previous build (format version 1) → still imports', async () => {
    const file = await officerFile(colleague, [['dinh-danh', 'done']]);
    expect(file.version).toBe(1);
    expect((await importExportFiles(freshDb(), [{ name: 'v1.json', text: JSON.stringify(file) }], NOW))[0].status).toBe('imported');
  });
});

const H: CsvHeadings = {
  session: 'Phiên', procedureCode: 'Mã TTHC', procedureName: 'Tên thủ tục', dossierCode: 'Mã hồ sơ', staff: 'Cán bộ', unit: 'Đơn vị',
  created: 'Tạo lúc', demo: 'Demo', eventId: 'Mã sự kiện', time: 'Thời điểm', check: 'Việc cần làm', state: 'Trạng thái', note: 'Ghi chú',
  done: 'Đã làm', na: 'Không áp dụng',
};
