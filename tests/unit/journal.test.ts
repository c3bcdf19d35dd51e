import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defineJournalV1, defineJournalV2, JournalDb, type FilingSession, type FilingSessionV1, type TickEvent, type TickEventV1 } from '../../lib/journal/db';
import { deriveState, dossierSessionId, Journal, JournalError, procedureKey, type StaffContext } from '../../lib/journal/journal';
import { importExportFiles } from '../../lib/exchange/import';
import { buildExportFile, type ExportCheck } from '../../lib/exchange/format';
import { filterJournal } from '../../lib/export/filter';
import { readReportSource } from '../../lib/journal/report-source';
import { csvCell, longRows, toCsv, wideRows, type CsvHeadings } from '../../lib/export/csv';
import { toXlsx } from '../../lib/export/xlsx';
import { buildReport, isoWeek } from '../../lib/report/aggregate';
import { applicableChecks, checklistLibrary } from '../../lib/checklist';
import { matcherFor } from '../../lib/match';
import { realBuild } from './helpers';

const ctx: StaffContext = { staff: 'Cán bộ A', unit: 'ubnd-cap-xa', demo: false };
let n = 0;
const dbs: Dexie[] = [];
function freshDb(): JournalDb {
  const db = new JournalDb(`test-journal-${Date.now()}-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const H: CsvHeadings = {
  session: 'Phiên', procedureCode: 'Mã TTHC', procedureName: 'Tên thủ tục', dossierCode: 'Mã hồ sơ', staff: 'Cán bộ', unit: 'Đơn vị',
  created: 'Tạo lúc', demo: 'Demo', eventId: 'Mã sự kiện', time: 'Thời điểm', check: 'Việc cần làm', state: 'Trạng thái', note: 'Ghi chú',
  done: 'Đã làm', na: 'Không áp dụng',
};

describe('checklist library', () => {
  const matcher = matcherFor(realBuild().catalog);
  const library = checklistLibrary();

  it('links every check to catalog items that exist, and every target to a percentage target', () => {
    const catalog = realBuild().catalog;
    for (const check of library.checks) {
      for (const ref of check.refs) expect(matcher.item(ref), `${check.id} → ${ref}`).toBeDefined();
      for (const ref of check.targets) expect(catalog.targets.find((t) => t.ref === ref)?.unit, `${check.id} → ${ref}`).toBe('%');
    }
  });

  it('shows the interlinked birth group for birth registration only, and the desk checks for any filing', () => {
    const birth = applicableChecks(library, matcher.match({ name: 'Đăng ký khai sinh', field: 'Hộ tịch' })).map((c) => c.id);
    const marriage = applicableChecks(library, matcher.match({ name: 'Đăng ký kết hôn', field: 'Hộ tịch' })).map((c) => c.id);
    const unknown = applicableChecks(library, matcher.match({ code: '9.999999' })).map((c) => c.id);
    expect(birth).toContain('lien-thong-khai-sinh');
    expect(birth).not.toContain('lien-thong-khai-tu');
    expect(marriage).not.toContain('lien-thong-khai-sinh');
    for (const id of ['dinh-danh', 'khong-yeu-cau-lai', 'so-hoa', 'luu-ket-qua', 'thanh-toan', 'danh-gia-hai-long', 'bieu-mau-dien-tu', 'vneid-muc-2']) {
      expect(unknown, id).toContain(id);
    }
  });

  it('adds custom checks by topic, never retired ones', () => {
    const result = matcher.match({ name: 'Đăng ký khai sinh' });
    const custom = [
      { id: 'custom-a', label: 'Kiểm tra giấy chứng sinh bản điện tử', appliesTo: ['khai-sinh'], createdAt: 1, updatedAt: 1 },
      { id: 'custom-b', label: 'Việc cho hồ sơ đất đai', appliesTo: ['dat-dai'], createdAt: 1, updatedAt: 1 },
      { id: 'custom-c', label: 'Việc đã bỏ', appliesTo: 'all' as const, createdAt: 1, updatedAt: 1, retiredAt: 2 },
    ];
    expect(applicableChecks(library, result, custom).filter((c) => c.source === 'custom').map((c) => c.id)).toEqual(['custom-a']);
  });
});

describe('journal', () => {
  it('keeps an append-only log and derives the current state; cleared removes', async () => {
    const journal = new Journal(freshDb());
    const id = dossierSessionId(procedureKey({ code: '1.001193' }), 'H01.23-241122-0001');
    await journal.ensureSession({ id, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: 'H01.23-241122-0001', label: 'H01.23-241122-0001', checkIds: ['dinh-danh', 'so-hoa'] }, ctx);
    await journal.tick(id, 'dinh-danh', 'done', undefined, ctx);
    await journal.tick(id, 'so-hoa', 'na', 'Hồ sơ nộp trực tuyến, đã có bản điện tử', ctx);
    await journal.tick(id, 'dinh-danh', 'cleared', undefined, ctx);
    const events = await journal.eventsOf(id);
    expect(events).toHaveLength(3);
    const state = deriveState(events);
    expect(state.has('dinh-danh')).toBe(false);
    expect(state.get('so-hoa')).toMatchObject({ state: 'na', note: 'Hồ sơ nộp trực tuyến, đã có bản điện tử' });
  });

  it('refuses a note over 200 characters and writes nothing', async () => {
    const db = freshDb();
    const journal = new Journal(db);
    await expect(journal.tick('s', 'so-hoa', 'na', 'x'.repeat(201), ctx)).rejects.toBeInstanceOf(JournalError);
    expect(await db.events.count()).toBe(0);
  });

  it('reports a full disk as a quota error instead of swallowing it', async () => {
    const db = freshDb();
    const journal = new Journal(db);
    await db.open();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    db.events.add = (() => Promise.reject(quota)) as unknown as typeof db.events.add;
    db.events.bulkAdd = (() => Promise.reject(quota)) as unknown as typeof db.events.bulkAdd;
    await expect(journal.tick('s', 'so-hoa', 'done', undefined, ctx)).rejects.toMatchObject({ kind: 'quota' });
  });

  it('adds checks shown later to an existing session (reopening keeps state)', async () => {
    const journal = new Journal(freshDb());
    const base = { id: 'dossier:code:1:X', procedureKey: 'code:1', procedureName: 'P', label: 'X', checkIds: ['a'] };
    await journal.ensureSession(base, ctx);
    await journal.tick(base.id, 'a', 'done', undefined, ctx);
    const again = await journal.ensureSession({ ...base, checkIds: ['a', 'b'] }, ctx);
    expect(again.checkIds).toEqual(['a', 'b']);
    expect(deriveState(await journal.eventsOf(base.id)).get('a')?.state).toBe('done');
  });

  it('migrates data written by the first version of the schema', async () => {
    const name = `test-journal-v1-${n++}`;
    const v1 = new Dexie(name);
    defineJournalV1(v1);
    const session: FilingSessionV1 = { id: 'dossier:code:1.001193:H1', procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: 'H1', createdAt: '2025-03-01T02:00:00.000Z' };
    const events: TickEventV1[] = [
      { id: 'e1', sessionId: session.id, checkId: 'dinh-danh', state: 'done', staff: 'B', at: '2025-03-01T02:01:00.000Z' },
      { id: 'e2', sessionId: session.id, checkId: 'so-hoa', state: 'na', note: 'không có giấy tờ', at: '2025-03-01T02:02:00.000Z' },
    ];
    await v1.table('sessions').add(session);
    await v1.table('events').bulkAdd(events);
    v1.close();

    const db = new JournalDb(name);
    dbs.push(db);
    const migrated = await db.events.orderBy('at').toArray();
    expect(migrated.map((e) => e.at)).toEqual([Date.parse('2025-03-01T02:01:00.000Z'), Date.parse('2025-03-01T02:02:00.000Z')]);
    expect(migrated.every((e) => e.demo === false && e.unit === '')).toBe(true);
    const s = (await db.sessions.get(session.id))!;
    expect(s).toMatchObject({ label: 'H1', checkIds: [], origin: 'local', createdAt: Date.parse('2025-03-01T02:00:00.000Z') });
    expect(deriveState(await new Journal(db).eventsOf(session.id)).get('so-hoa')).toMatchObject({ state: 'na' });
    expect(await db.events.where('[sessionId+checkId]').equals([session.id, 'dinh-danh']).count()).toBe(1);
  });

  it('repairs filings stored without their officer (schema v2) from their first tick that names one', async () => {
    const name = `test-journal-v2-${n++}`;
    const v2 = new Dexie(name);
    defineJournalV2(v2);
    const session = (id: string, staff: string, unit: string, demo = false): FilingSession => ({
      id, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: id, label: id,
      checkIds: ['dinh-danh', 'so-hoa'], staff, unit, createdAt: 1_000, demo, origin: 'local',
    });
    const tick = (id: string, sessionId: string, at: number, staff: string, unit: string, demo = false): TickEvent => ({
      id, sessionId, checkId: 'dinh-danh', state: 'done', staff, unit, at, demo,
    });
    // What the panel wrote until now: the dossier session before the profile loaded, its ticks after.
    await v2.table('sessions').bulkAdd([
      session('blank', '', ''),
      session('blank-first-tick-anonymous', '', ''),
      session('blank-no-ticks', '', ''),
      session('named', 'Cán bộ C', 'cong-an-tinh'),
      session('name-without-unit', 'Cán bộ D', ''),
    ]);
    await v2.table('events').bulkAdd([
      tick('a-late', 'blank', 2_000, 'Cán bộ B', 'ubnd-cap-huyen'),
      tick('z-early', 'blank', 1_500, 'Cán bộ A', 'ubnd-cap-xa', true),
      tick('t3', 'blank-first-tick-anonymous', 1_100, '', ''),
      tick('t4', 'blank-first-tick-anonymous', 1_200, 'Cán bộ E', 'ubnd-cap-xa'),
      tick('t5', 'named', 1_100, 'Cán bộ X', 'ubnd-cap-xa', true),
      tick('t6', 'name-without-unit', 1_100, 'Cán bộ Y', 'ubnd-cap-xa'),
    ]);
    const before = await v2.table('events').toArray();
    v2.close();

    const db = new JournalDb(name);
    dbs.push(db);
    const byId = new Map((await db.sessions.toArray()).map((s) => [s.id, s]));
    // The earliest tick, not the first stored nor the latest.
    expect(byId.get('blank')).toMatchObject({ staff: 'Cán bộ A', unit: 'ubnd-cap-xa', demo: true });
    expect(byId.get('blank-first-tick-anonymous')).toMatchObject({ staff: 'Cán bộ E', unit: 'ubnd-cap-xa', demo: false });
    expect(byId.get('blank-no-ticks')).toMatchObject({ staff: '', unit: '', demo: false });
    // A session that names its officer keeps it, even when someone else ticked.
    expect(byId.get('named')).toMatchObject({ staff: 'Cán bộ C', unit: 'cong-an-tinh', demo: false });
    expect(byId.get('name-without-unit')).toMatchObject({ staff: 'Cán bộ D', unit: '' });
    // Everything else is untouched: ticks, labels, checks, times.
    expect(await db.events.toArray()).toEqual(before);
    expect(byId.get('blank')).toMatchObject({ label: 'blank', checkIds: ['dinh-danh', 'so-hoa'], createdAt: 1_000, origin: 'local' });
    expect(db.verno).toBe(4);
  });

  it('stores only the fields the checklist needs: procedure, dossier code, checks, notes, the staff profile', async () => {
    const db = freshDb();
    const journal = new Journal(db);
    const id = dossierSessionId('code:1.001193', 'H01.23-241122-0001');
    await journal.ensureSession({ id, procedureKey: 'code:1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: 'H01.23-241122-0001', label: 'H01.23-241122-0001', checkIds: ['dinh-danh'] }, ctx);
    await journal.tick(id, 'dinh-danh', 'done', undefined, ctx);
    const allowed = new Set(['id', 'procedureKey', 'procedureCode', 'procedureName', 'dossierCode', 'label', 'checkIds', 'staff', 'unit', 'createdAt', 'demo', 'origin', 'sessionId', 'checkId', 'state', 'note', 'at']);
    for (const record of [...(await db.sessions.toArray()), ...(await db.events.toArray())]) {
      for (const key of Object.keys(record)) expect(allowed.has(key), key).toBe(true);
    }
  });
});

const CHECKS: ExportCheck[] = [
  { id: 'dinh-danh', source: 'library', label: { vi: 'Định danh', en: 'Identify' }, targets: ['kh-tinh-2024#19/1'] },
  { id: 'so-hoa', source: 'library', label: { vi: 'Số hóa', en: 'Digitize' }, targets: ['kh-tinh-2024#5/2'] },
  { id: 'custom-x', source: 'custom', label: { vi: 'Việc riêng', en: 'Việc riêng' }, targets: [] },
];

async function sampleData(journal: Journal, sessions = 3) {
  for (let i = 0; i < sessions; i++) {
    const id = `dossier:code:1.001193:H${i}`;
    await journal.ensureSession({ id, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: `H${i}`, label: `H${i}`, checkIds: ['dinh-danh', 'so-hoa', 'custom-x'] }, ctx);
    await journal.tick(id, 'dinh-danh', 'done', undefined, ctx);
    if (i % 2) await journal.tick(id, 'so-hoa', 'na', 'ghi chú, có "ngoặc kép"', ctx);
  }
}

describe('export and import', () => {
  it('JSON export → import gives the same state back (property test)', async () => {
    const arbTick = fc.record({
      session: fc.integer({ min: 0, max: 3 }),
      check: fc.constantFrom('dinh-danh', 'so-hoa', 'custom-x'),
      state: fc.constantFrom('done', 'na', 'cleared') as fc.Arbitrary<'done' | 'na' | 'cleared'>,
      note: fc.option(fc.string({ maxLength: 200 }).filter((s) => s.trim().length > 0 && s.trim().length === s.length), { nil: undefined }),
      demo: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(arbTick, { maxLength: 25 }), async (ticks) => {
        const source = freshDb();
        const journal = new Journal(source);
        for (const t of ticks) {
          const id = `named:s${t.session}`;
          await journal.ensureSession({ id, procedureKey: 'name:dang ky khai sinh', procedureName: 'Đăng ký khai sinh', label: `Phiên ${t.session}`, checkIds: ['dinh-danh', 'so-hoa', 'custom-x'] }, { ...ctx, demo: t.demo });
          await journal.tick(id, t.check, t.state, t.note, { ...ctx, demo: t.demo });
        }
        const data = { sessions: await source.sessions.toArray(), events: await source.events.toArray() };
        const file = await buildExportFile(data, CHECKS, { staff: ctx.staff, unit: ctx.unit }, { includeDemo: true });
        const target = freshDb();
        const [outcome] = await importExportFiles(target, [{ name: 'a.json', text: JSON.stringify(file) }]);
        expect(outcome.status).toBe('imported');
        const back = await readReportSource(target);
        for (const s of data.sessions) {
          const before = deriveState(data.events.filter((e) => e.sessionId === s.id));
          const after = deriveState(back.events.filter((e) => e.sourceSessionId === s.id));
          expect(after).toEqual(before);
          const { sourceId, imported, ...row } = back.sessions.find((x) => x.sourceId === s.id)!;
          expect(imported).toBe(true);
          expect({ ...row, id: sourceId, origin: 'local' }).toEqual(s);
        }
        expect(await target.importedEvents.count()).toBe(data.events.length);
        // Kept apart: nothing in the officer's own journal.
        expect(await target.events.count()).toBe(0);
        expect(await target.sessions.count()).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it('rejects corrupt, truncated, wrong-version and wrong-checksum files, and a file seen twice, changing nothing', async () => {
    const source = freshDb();
    await sampleData(new Journal(source));
    const data = { sessions: await source.sessions.toArray(), events: await source.events.toArray() };
    const file = await buildExportFile(data, CHECKS, { staff: 'A', unit: 'u' }, {});
    const good = JSON.stringify(file);
    const tampered = JSON.stringify({ ...file, events: file.events.map((e, i) => (i === 0 ? { ...e, state: e.state === 'na' ? 'done' : 'na' } : e)) });
    const target = freshDb();
    const outcomes = await importExportFiles(target, [
      { name: 'hong.json', text: 'không phải JSON' },
      { name: 'cut.json', text: good.slice(0, good.length / 2) },
      { name: 'v9.json', text: JSON.stringify({ ...file, version: 9 }) },
      { name: 'other.json', text: JSON.stringify({ hello: 1 }) },
      { name: 'sua.json', text: tampered },
      { name: 'bad-field.json', text: JSON.stringify({ ...file, events: [{ ...file.events[0], state: 'maybe' }] }) },
    ]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.problem.kind : o.status))).toEqual(['not-json', 'not-json', 'wrong-version', 'wrong-format', 'checksum', 'invalid']);
    expect(await target.importedEvents.count()).toBe(0);
    const [first, second] = await importExportFiles(target, [{ name: 'a.json', text: good }, { name: 'a-copy.json', text: good }]);
    expect(first).toMatchObject({ status: 'imported', added: data.events.length });
    expect(second.status).toBe('already-imported');
    expect(await target.importedEvents.count()).toBe(data.events.length);
  });

  it('accepts a file whose keys were reordered by another tool (same content, same checksum)', async () => {
    const source = freshDb();
    await sampleData(new Journal(source));
    const file = await buildExportFile({ sessions: await source.sessions.toArray(), events: await source.events.toArray() }, CHECKS, { staff: 'A', unit: 'u' }, { includeDemo: false, from: '2026-01-01' });
    const reversed = (o: object): object => Object.fromEntries(Object.entries(o).reverse().map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? reversed(v) : Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? reversed(x) : x)) : v]));
    const [outcome] = await importExportFiles(freshDb(), [{ name: 'r.json', text: JSON.stringify(reversed(file)) }]);
    expect(outcome.status).toBe('imported');
  });

  it('merges overlapping exports by event id', async () => {
    const source = freshDb();
    await sampleData(new Journal(source));
    const all = { sessions: await source.sessions.toArray(), events: await source.events.toArray() };
    const part = { sessions: all.sessions, events: all.events.slice(0, 2) };
    const target = freshDb();
    const outcomes = await importExportFiles(target, [
      { name: 'part.json', text: JSON.stringify(await buildExportFile(part, CHECKS, { staff: 'A', unit: 'u' }, {})) },
      { name: 'all.json', text: JSON.stringify(await buildExportFile(all, CHECKS, { staff: 'A', unit: 'u' }, {})) },
    ]);
    expect(outcomes[1]).toMatchObject({ status: 'imported', added: all.events.length - 2, duplicates: 2 });
    expect(await target.importedEvents.count()).toBe(all.events.length);
  });

  it('writes CSV that Excel reads as UTF-8, with quoting and no formulas', async () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    const source = freshDb();
    await sampleData(new Journal(source));
    const data = { sessions: await source.sessions.toArray(), events: await source.events.toArray() };
    const wide = toCsv(wideRows(data, CHECKS.map((c) => ({ id: c.id, label: c.label.vi })), H));
    expect(wide.startsWith('\uFEFFPhiên;Mã TTHC;Tên thủ tục')).toBe(true); // ";": Excel's list separator in Vietnamese settings (tests/unit/export.test.ts)
    expect(wide.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
    expect(wide).toContain('"Không áp dụng: ghi chú, có ""ngoặc kép"""');
    const long = toCsv(longRows(data, (id) => id, H));
    expect(long.split('\r\n').filter(Boolean)).toHaveLength(1 + data.events.length);
    const xlsx = await toXlsx([{ name: 'Tổng hợp', rows: [['a', 1]] }, { name: 'Theo hồ sơ', rows: wideRows(data, [], H) }]);
    expect(xlsx.size).toBeGreaterThan(1000);
    expect(new Uint8Array(await xlsx.slice(0, 2).arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b])); // a zip
  });

  it('filters by date, unit, check and demo', async () => {
    const journal = new Journal(freshDb(), () => Date.parse('2026-11-20T03:00:00Z'));
    await journal.ensureSession({ id: 's1', procedureKey: 'k', procedureName: 'P', label: 'L', checkIds: ['a'] }, ctx);
    await journal.tick('s1', 'a', 'done', undefined, ctx);
    await journal.tick('s1', 'b', 'done', undefined, { ...ctx, demo: true });
    const data = { sessions: await journal.db.sessions.toArray(), events: await journal.db.events.toArray() };
    expect(filterJournal(data, {}).events).toHaveLength(1);
    expect(filterJournal(data, { includeDemo: true }).events).toHaveLength(2);
    expect(filterJournal(data, { from: '2026-11-21' }).events).toHaveLength(0);
    expect(filterJournal(data, { unit: 'other' }).sessions).toHaveLength(0);
    expect(filterJournal(data, { checkId: 'a', includeDemo: true }).events).toHaveLength(1);
  });
});

describe('report', () => {
  it('computes completion per check, procedure, unit and week, against the linked percentage target', async () => {
    const source = freshDb();
    await sampleData(new Journal(source, () => Date.parse('2026-11-18T03:00:00Z')));
    const report = buildReport(await source.sessions.toArray(), await source.events.toArray(), CHECKS.map((c) => ({ id: c.id, label: c.label.vi, targets: c.targets })), realBuild().catalog);
    const dinhDanh = report.byCheck.find((r) => r.key === 'dinh-danh')!;
    expect(dinhDanh).toMatchObject({ done: 3, applicable: 3, rate: 1 });
    expect(dinhDanh.target).toMatchObject({ ref: 'kh-tinh-2024#19/1', value: 100 });
    // so-hoa: marked not applicable in one of three filings → 0 done of 2.
    expect(report.byCheck.find((r) => r.key === 'so-hoa')).toMatchObject({ done: 0, applicable: 2 });
    expect(report.byWeek.map((w) => w.key)).toEqual(['2026-W47']);
    expect(report.byProcedure[0]).toMatchObject({ label: 'Đăng ký khai sinh', applicable: 8, done: 3 });
    expect(isoWeek(Date.parse('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(Date.parse('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });
});
