import { describe, expect, it } from 'vitest';
import { csvCell, longRows, toCsv, wideRows } from '../../lib/export/csv';
import { csvHeadings } from '../../lib/export/headings';
import { filterJournal, type JournalData } from '../../lib/export/filter';
import { toXlsx } from '../../lib/export/xlsx';
import type { FilingSession, TickEvent } from '../../lib/journal/db';
import { dayStartIn, formatPercent, isoWeekIn, localDateTime } from '../../lib/text/format';
import { EXCEL_EN_US, EXCEL_VI_VN, readBytesWithLibreOffice } from '../libreoffice';

/*
 * Exports for a Vietnamese office: Vietnamese states and headings, local time
 * (Asia/Ho_Chi_Minh, written in the heading), rows in time order, and files
 * that LibreOffice opens into the right columns with Vietnamese text intact.
 */

const session = (id: string, createdAt: string, extra: Partial<FilingSession> = {}): FilingSession => ({
  id, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: `H56.${id}`,
  label: `Hồ sơ ${id}`, checkIds: ['dinh-danh', 'so-hoa'], staff: 'Lê Thị Một Cửa', unit: 'UBND phường Hạc Thành',
  createdAt: Date.parse(createdAt), demo: false, origin: 'local', ...extra,
});
const tick = (id: string, sessionId: string, checkId: string, state: TickEvent['state'], at: string, note?: string): TickEvent => ({
  id, sessionId, checkId, state, staff: 'Lê Thị Một Cửa', unit: 'UBND phường Hạc Thành', at: Date.parse(at), demo: false, ...(note ? { note } : {}),
});

// Ids in the opposite order to time, so "UUID order" and "time order" differ.
const DATA: JournalData = {
  sessions: [session('z-late', '2026-11-23T03:00:00Z'), session('a-early', '2026-11-22T23:30:00Z')],
  events: [
    tick('ff', 'z-late', 'dinh-danh', 'done', '2026-11-23T03:05:00Z'),
    tick('ee', 'z-late', 'so-hoa', 'na', '2026-11-23T03:06:00Z', 'Hồ sơ giấy; công dân không có VNeID'),
    tick('dd', 'a-early', 'dinh-danh', 'done', '2026-11-22T23:35:00Z'), // 06:35 on Monday 23 Nov in Hà Nội
    tick('cc', 'a-early', 'dinh-danh', 'cleared', '2026-11-22T23:40:00Z'),
  ],
};
const COLUMNS = [{ id: 'dinh-danh', label: 'Định danh, xác thực điện tử' }, { id: 'so-hoa', label: 'Số hóa hồ sơ khi tiếp nhận' }];
const label = (id: string) => COLUMNS.find((c) => c.id === id)?.label ?? id;

// LibreOffice starts in 1–2 s alone, several times that on a busy 2-core CI machine.
describe('CSV and XLSX exports', { timeout: 60_000 }, () => {
  it('writes states and headings in Vietnamese (English when the UI is English), never done/na/cleared', () => {
    const vi = longRows(DATA, label, csvHeadings('vi'));
    expect(vi[0]).toContain('Trạng thái');
    expect(vi.slice(1).map((r) => r[7])).toEqual(['Đã làm', 'Bỏ đánh dấu', 'Đã làm', 'Không áp dụng']);
    const en = longRows(DATA, label, csvHeadings('en'));
    expect(en.slice(1).map((r) => r[7])).toEqual(['Done', 'Cleared', 'Done', 'Not applicable']);
    for (const rows of [vi, en]) for (const r of rows.slice(1)) expect(['done', 'na', 'cleared']).not.toContain(r[7]);
  });

  it('writes local time (Asia/Ho_Chi_Minh) and names the zone in the heading, the same day in both CSVs', () => {
    const h = csvHeadings('vi');
    const long = longRows(DATA, label, h);
    const wide = wideRows(DATA, COLUMNS, h);
    expect(long[0][1]).toBe('Thời điểm (Asia/Ho_Chi_Minh, UTC+07:00)');
    expect(wide[0][6]).toBe('Tạo lúc (Asia/Ho_Chi_Minh, UTC+07:00)');
    // Created 23:30 UTC on Sunday 22 = 06:30 on Monday 23 in Vietnam; its tick 23:35 UTC = 06:35.
    expect(wide[1][6]).toBe('2026-11-23 06:30:00');
    expect(long[1][1]).toBe('2026-11-23 06:35:00');
    expect(wide[1][6].slice(0, 10)).toBe(long[1][1].slice(0, 10));
    expect(localDateTime(Date.parse('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-11-22 23:30:00');
  });

  it('orders rows by time, not by id', () => {
    const h = csvHeadings('vi');
    expect(longRows(DATA, label, h).slice(1).map((r) => r[0])).toEqual(['dd', 'cc', 'ff', 'ee']);
    expect(wideRows(DATA, COLUMNS, h).slice(1).map((r) => r[0])).toEqual(['Hồ sơ a-early', 'Hồ sơ z-late']);
  });

  it('attack: note "=HYPERLINK(…)" in a CSV cell → written as text with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK(""http://x"")`.replace(/^/, '"') + '"');
    expect(toCsv([['-2+3']])).toBe("\uFEFF'-2+3\r\n");
  });

  it('CSV: LibreOffice opening it with Vietnamese regional settings (";") finds the right columns and intact Vietnamese', () => {
    const h = csvHeadings('vi');
    const csv = toCsv(longRows(DATA, label, h));
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads UTF-8 only with the byte-order mark
    expect(csv).not.toMatch(/^\uFEFF?sep=/); // a sep= line makes Excel drop the BOM
    const [sheet] = readBytesWithLibreOffice('da06-su-kien.csv', csv, EXCEL_VI_VN);
    expect(sheet.rows[0]).toEqual(['Mã sự kiện', 'Thời điểm (Asia/Ho_Chi_Minh, UTC+07:00)', 'Phiên / hồ sơ', 'Mã thủ tục', 'Tên thủ tục', 'Mã hồ sơ', 'Việc cần làm', 'Trạng thái', 'Ghi chú', 'Cán bộ', 'Đơn vị', 'Demo']);
    const ee = sheet.rows.find((r) => r[0] === 'ee')!;
    expect(ee).toHaveLength(12);
    expect(ee[4]).toBe('Đăng ký khai sinh');
    expect(ee[6]).toBe('Số hóa hồ sơ khi tiếp nhận');
    expect(ee[7]).toBe('Không áp dụng');
    expect(ee[8]).toBe('Hồ sơ giấy; công dân không có VNeID'); // a ";" inside a note stays in its cell
    expect(ee[10]).toBe('UBND phường Hạc Thành');

    const wide = readBytesWithLibreOffice('da06-ho-so.csv', toCsv(wideRows(DATA, COLUMNS, h)), EXCEL_VI_VN)[0];
    expect(wide.rows[0].slice(-2)).toEqual(['Định danh, xác thực điện tử', 'Số hóa hồ sơ khi tiếp nhận']);
    expect(wide.rows[2].slice(-2)).toEqual(['Đã làm', 'Không áp dụng: Hồ sơ giấy; công dân không có VNeID']);
  });

  it('the check can fail: a comma-separated file opens in one column under Vietnamese settings', () => {
    const comma = toCsv(longRows(DATA, label, csvHeadings('vi')), ',');
    const [sheet] = readBytesWithLibreOffice('comma.csv', comma, EXCEL_VI_VN);
    expect(sheet.rows[0].filter(Boolean)).toHaveLength(1);
    // …and our ";" file under English settings (","), which is why the page also offers XLSX.
    const [en] = readBytesWithLibreOffice('semi.csv', toCsv(longRows(DATA, label, csvHeadings('vi'))), EXCEL_EN_US);
    expect(en.rows[1].filter(Boolean).length).toBeLessThan(3); // not the 12 columns
  });

  it('XLSX: LibreOffice finds each sheet with the right columns and intact Vietnamese', async () => {
    const h = csvHeadings('vi');
    const blob = await toXlsx([
      { name: 'Tổng hợp', rows: [['Việc cần làm', 'Tỷ lệ'], ['Định danh, xác thực điện tử', 0.667]] },
      { name: 'Lượt đánh dấu', rows: longRows(DATA, label, h) },
    ]);
    const sheets = readBytesWithLibreOffice('da06.xlsx', new Uint8Array(await blob.arrayBuffer()));
    expect(sheets).toHaveLength(2);
    expect(sheets[0].rows[1][0]).toBe('Định danh, xác thực điện tử');
    const ee = sheets[1].rows.find((r) => r[0] === 'ee')!;
    expect(ee.slice(6, 9)).toEqual(['Số hóa hồ sơ khi tiếp nhận', 'Không áp dụng', 'Hồ sơ giấy; công dân không có VNeID']);
  });
});

describe('numbers, days and weeks for a Vietnamese office', () => {
  it('formats rates the vi-VN way (Intl): 66,7%; English 66.7%', () => {
    expect(formatPercent(2 / 3, 'vi')).toBe('66,7%');
    expect(formatPercent(2 / 3, 'en')).toBe('66.7%');
    expect(formatPercent(1, 'vi')).toBe('100%');
    expect(formatPercent(null, 'vi')).toBe('—');
  });

  it('puts a filing made before 07:00 on a Monday (Hà Nội) in that Monday\'s week', () => {
    const mondayEarly = Date.parse('2026-11-22T23:30:00Z'); // Mon 23 Nov 06:30 in Vietnam
    expect(isoWeekIn(mondayEarly)).toBe('2026-W48');
    expect(isoWeekIn(mondayEarly, 'UTC')).toBe('2026-W47');
    expect(isoWeekIn(Date.parse('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekIn(Date.parse('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });

  it('filters by local day: a tick at 01:00 on the 24th in Hà Nội belongs to the 24th', () => {
    const data: JournalData = { sessions: [session('s', '2026-11-23T18:00:00Z')], events: [tick('e', 's', 'dinh-danh', 'done', '2026-11-23T18:00:00Z')] };
    expect(dayStartIn('2026-11-24')).toBe(Date.parse('2026-11-23T17:00:00Z'));
    expect(filterJournal(data, { from: '2026-11-24', to: '2026-11-24' }).events).toHaveLength(1);
    expect(filterJournal(data, { to: '2026-11-23' }).events).toHaveLength(0);
  });
});

describe('zone arithmetic', () => {
  it('agrees with Intl on a zone that changes its offset (Europe/Berlin), and on Hà Nội', () => {
    const f = (zone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    for (const zone of ['Europe/Berlin', 'Asia/Ho_Chi_Minh', 'America/St_Johns']) {
      for (let t = Date.parse('2026-03-28T00:00:00Z'); t < Date.parse('2026-03-30T00:00:00Z'); t += 7 * 60_000 + 13_000) {
        expect(localDateTime(t, zone)).toBe(f(zone).format(new Date(t)));
      }
    }
  });
});

describe('the report\'s filter', () => {
  it('counts a filing received in the period even when nothing was ticked on it (rates are not inflated)', () => {
    const data: JournalData = {
      sessions: [session('ticked', '2026-11-20T03:00:00Z'), session('untouched', '2026-11-20T04:00:00Z'), session('other-period', '2026-10-01T04:00:00Z')],
      events: [tick('t1', 'ticked', 'dinh-danh', 'done', '2026-11-20T03:01:00Z')],
    };
    const f = filterJournal(data, { from: '2026-11-01', to: '2026-11-30' });
    expect(f.sessions.map((s) => s.id).sort()).toEqual(['ticked', 'untouched']);
    expect(filterJournal(data, { checkId: 'so-hoa' }).sessions).toHaveLength(3); // all showed it
    expect(filterJournal(data, { checkId: 'khong-co' }).sessions).toHaveLength(0);
    expect(filterJournal(data, { unit: 'UBND phường Hạc Thành' }).sessions).toHaveLength(3);
    expect(filterJournal(data, { unit: 'Xã khác' }).sessions).toHaveLength(0);
  });
});

describe('rows read for the report', () => {
  it('attack: session with checkIds "dinh-danh" (not a list), tick without time, state "xong" → 3 rows skipped, the rest reported', async () => {
    const { checkRows } = await import('../../lib/export/valid');
    const good = session('ok', '2026-11-20T03:00:00Z');
    const raw = {
      sessions: [good, { ...good, id: 'bad', checkIds: 'dinh-danh' }, { ...good, id: 'bad-null', checkIds: null }, null] as unknown[],
      events: [tick('t', 'ok', 'dinh-danh', 'done', '2026-11-20T03:01:00Z'), { ...tick('u', 'ok', 'so-hoa', 'done', '2026-11-20T03:01:00Z'), at: undefined }, { ...tick('v', 'ok', 'so-hoa', 'done', '2026-11-20T03:01:00Z'), state: 'xong' }] as unknown[],
    };
    const r = checkRows(raw);
    expect(r.bad).toEqual({ sessions: 3, events: 2 });
    expect(r.data.sessions.map((s) => s.id)).toEqual(['ok']);
    expect(r.data.events.map((e) => e.id)).toEqual(['t']);
  });

  it('keeps extra fields the report source adds (sourceId), and fills a v1 row\'s missing staff/unit', async () => {
    const { checkRows } = await import('../../lib/export/valid');
    const { staff: _s, unit: _u, ...v1 } = session('old', '2026-11-20T03:00:00Z');
    const r = checkRows({ sessions: [{ ...session('a', '2026-11-20T03:00:00Z'), sourceId: 'x' }, v1], events: [] });
    expect((r.data.sessions[0] as unknown as { sourceId: string }).sourceId).toBe('x');
    expect(r.data.sessions[1]).toMatchObject({ id: 'old', staff: '', unit: '' });
  });
});

describe('judging a rate against its target', () => {
  it('says "too few to judge" below 10 applicable filings, met/missed from 10 up, compared as printed', async () => {
    const { judge, MIN_FILINGS_TO_JUDGE } = await import('../../lib/export/judge');
    const target = { ref: 'kh-tinh-2024#19/1', value: 100, statement: '' };
    expect(MIN_FILINGS_TO_JUDGE).toBe(10);
    expect(judge({ rate: 2 / 3, applicable: 3, target })).toBe('too-few');
    expect(judge({ rate: 2 / 3, applicable: 9, target })).toBe('too-few');
    expect(judge({ rate: 0.9, applicable: 10, target })).toBe('missed');
    expect(judge({ rate: 1, applicable: 10, target })).toBe('met');
    expect(judge({ rate: 0.9996, applicable: 10_000, target })).toBe('met'); // prints "100%"
    expect(judge({ rate: 0.5, applicable: 20 })).toBe('no-target');
  });
});

describe('a report or export for one check', () => {
  it('narrows each filing to that check, so the other checks do not read as "not done"', async () => {
    const { narrowToCheck } = await import('../../lib/export/filter');
    const data = filterJournal(DATA, { checkId: 'so-hoa' });
    const narrowed = narrowToCheck(data, 'so-hoa');
    expect(narrowed.sessions.every((s) => s.checkIds.length === 1 && s.checkIds[0] === 'so-hoa')).toBe(true);
    const wide = wideRows(narrowed, COLUMNS.filter((c) => c.id === 'so-hoa'), csvHeadings('vi'));
    expect(wide[0].slice(8)).toEqual(['Số hóa hồ sơ khi tiếp nhận']);
    expect(narrowToCheck(DATA, undefined)).toBe(DATA);
  });
});
