import { describe, expect, it } from 'vitest';
import { deadlineStatus, deadlineStatusDetail, parseDeadline } from '../../lib/catalog/deadline';
import type { Deadline } from '../../lib/catalog/schema';

// Real phrases from the seeds' deadline columns, with the structure expected.
const TABLE: [string, Deadline['kind'], string | undefined][] = [
  ['Thực hiện thường xuyên', 'recurring', undefined],
  ['Thường xuyên', 'recurring', undefined],
  ['Duy trì thực hiện thường xuyên', 'recurring', undefined],
  ['Nhiệm vụ thường xuyên', 'recurring', undefined],
  ['Hàng tháng', 'recurring', undefined],
  ['Ngày 22 hàng tháng', 'recurring', undefined],
  ['Quý I/2024', 'quarter', '2024-03-31'],
  ['Quý IV/2024', 'quarter', '2024-12-31'],
  ['Quý I /2024', 'quarter', '2024-03-31'],
  ['Quý I/ 2024', 'quarter', '2024-03-31'],
  ['Quý II/2024.', 'quarter', '2024-06-30'],
  ['Tháng 5/2024', 'month', '2024-05-31'],
  ['Tháng 02/2024', 'month', '2024-02-29'],
  ['Hoàn thành trong tháng 6/2025', 'month', '2025-06-30'],
  ['Hoàn thành trong 6/2024', 'month', '2024-06-30'],
  ['Hoàn thành trước tháng 6/2024', 'month', '2024-06-30'],
  ['Năm 2024', 'year', '2024-12-31'],
  ['Trong năm 2024', 'year', '2024-12-31'],
  ['Hoàn thành trong năm 2024', 'year', '2024-12-31'],
  ['Năm 2025', 'year', '2025-12-31'],
  ['30/9/2024', 'date', '2024-09-30'],
  ['Trước ngày 15/7/2025', 'date', '2025-07-15'],
  ['Hoàn thành trước ngày 01/7/2024', 'date', '2024-07-01'],
  ['Hoàn thành trước ngày 20/12/2025', 'date', '2025-12-20'],
  ['Hoàn thành trước tháng 30/11/2024', 'date', '2024-11-30'],
  ['2024-2025', 'range', '2025-12-31'],
  ['Giai đoạn năm 2023-2025', 'range', '2025-12-31'],
  ['Giai đoạn 2023 - 2025', 'range', '2025-12-31'],
  ['Trong năm 2024 và 2025', 'range', '2025-12-31'],
  ['Đã hoàn thành', 'done', undefined],
  ['Đã hoàn thành và thực hiện thường xuyên', 'combination', undefined],
  ['Quý I/2024 và thực hiện thường xuyên', 'combination', '2024-03-31'],
  ['Trong năm 2024 và thực hiện thường xuyên', 'combination', '2024-12-31'],
  ['Năm 2023 và thường xuyên', 'combination', '2023-12-31'],
  ['Hoàn thành trong năm 2025 và thường xuyên', 'combination', '2025-12-31'],
  ['Từ tháng 01/2024 và thực hiện thường xuyên', 'recurring', undefined],
  ['Theo lộ trình Bộ Công an đề xuất', 'conditional', undefined],
  ['Theo lộ trình của Bộ Kế hoạch và Đầu tư', 'conditional', undefined],
  ['Khi có chỉ đạo của Bộ Công an', 'conditional', undefined],
  ['Khi có yêu cầu của Chính phủ, Bộ Công an', 'conditional', undefined],
  ['Sau khi tỉnh triển khai', 'conditional', undefined],
  ['Ngay khi Trung ương ban hành', 'conditional', undefined],
  ['Thực hiện ngay khi Trung ương triển khai', 'conditional', undefined],
  ['Theo Kế hoạch của Trung ương', 'conditional', undefined],
  ['Theo tiến độ triển khai của Bộ Công an', 'conditional', undefined],
  ['Theo yêu cầu tiến độ của từng lĩnh vực cụ thể', 'conditional', undefined],
  ['Sau khi Tòa án nhân dân tối cao triển khai', 'conditional', undefined],
  ['Tháng 5/2024 (Theo chỉ đạo của bộ, ngành Trung ương)', 'combination', '2024-05-31'],
  ['Năm 2024, theo lộ trình, hướng dẫn triển khai của Bộ Tư pháp', 'combination', '2024-12-31'],
  ['Theo lộ trình hoàn thành của Tòa án nhân dân tối cao ( <i>dự kiến trong năm 2024</i> ).', 'combination', '2024-12-31'],
  ['Quý I/2024 (trong đó, thông tin người lao động nhập xong trước 31/01/2024)', 'combination', '2024-03-31'],
  ['Thí điểm trong tháng 6/2024, triển khai toàn quốc từ năm học 2024 - 2025', 'combination', '2025-12-31'],
  ['Đề ra lộ trình hoàn thành đến năm 2025', 'year', '2025-12-31'],
  ['Thường xuyên trong 2024, 2025', 'combination', '2025-12-31'],
  ['Thực hiện thường xuyên theo yêu cầu công tác', 'combination', undefined],
  ['Theo lộ trình của Đề án, đối với Trung tâm dữ liệu quốc gia số 1 hoàn thành trước năm 2025', 'combination', '2024-12-31'],
  // kh-tinh-2024 #32: a staged target that starts in Q2 and Q3 2024 and continues — no due date.
  ['Đạt từ 70% trở lên từ quý II/2024 và đạt 90% trở lên từ quý III năm 2024', 'staged', undefined],
  // kh-tinh-2024 #37: the date belongs to the cited plan, not to the task.
  ['Theo tiến độ, lộ trình của từng mô hình đã đề ra tại Kế hoạch số 296/KH-UBND ngày 13/12/2023 của UBND tỉnh về triển khai thực hiện các mô hình của Đề án 06 trên địa bàn tỉnh Thanh Hóa', 'conditional', undefined],
  // kh-tinh-2024 #5: a time and a target in one cell.
  ['Năm 2024: cấp tỉnh và huyện 100%; cấp xã 90%', 'year', '2024-12-31'],
  // kh-tinh-2024 #4: a ranked target for the year.
  ['Điểm đánh giá của bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công năm 2024 đứng ở top 15/63 tỉnh', 'year', '2024-12-31'],
  // ct-04-2024 #C7: "Nghị quyết số 175/NQ-CP" has no date; 175 is not a year.
  ['Thực hiện theo lộ trình thực hiện Nghị quyết số 175/NQ-CP.', 'conditional', undefined],
  // kh-mo-hinh #M24: two times for two parts of the model.
  ['- Trong năm 2024 đối với cấp tài khoản VNeID và tài khoản thanh toán điện tử; - Giai đoạn 2023 -2025 đối với địa chỉ số, chữ ký số.', 'combination', '2025-12-31'],
  // kh-mo-hinh #M15: a quarter or the railway's own roadmap.
  ['Quý II/2024 hoặc triển khai theo lộ trình của ngành đường sắt (nếu có).', 'combination', '2024-06-30'],
  // ct-04-2024 #B64: a quarter and a roadmap set by a resolution (its number is not a year).
  ['Hoàn thành trong Quý IV năm 2024 và theo lộ trình triển khai các Trung tâm dữ liệu theo Nghị quyết số 175/NQ-CP của Chính phủ', 'combination', '2024-12-31'],
];

describe('parseDeadline on real phrases', () => {
  it.each(TABLE)('%s → %s (due %s)', (raw, kind, due) => {
    const d = parseDeadline(raw);
    expect(d.kind).toBe(kind);
    expect(d.due).toBe(due);
    expect(d.raw).toBe(raw.replace(/\s+/g, ' ').trim());
  });
  it('has at least 40 phrases', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
  it('keeps the condition in the original spelling', () => {
    const d = parseDeadline('Theo lộ trình của Bộ Kế hoạch và Đầu tư');
    expect(d.parts).toEqual([{ kind: 'conditional', condition: 'Theo lộ trình của Bộ Kế hoạch và Đầu tư' }]);
  });
  it('a staged target keeps its stages and the whole cell as its target (kh-tinh-2024 #32)', () => {
    const d = parseDeadline('Đạt từ 70% trở lên từ quý II/2024 và đạt 90% trở lên từ quý III năm 2024 (tỷ lệ hồ sơ 02 nhóm Dịch vụ công liên thông/hồ sơ đăng ký khai sinh, đăng ký khai tử phát sinh).');
    expect(d.stages).toEqual([
      { from: '2024-04-01', text: 'Đạt từ 70% trở lên từ quý II/2024' },
      { from: '2024-07-01', text: 'đạt 90% trở lên từ quý III năm 2024' },
    ]);
    expect(d.due).toBeUndefined();
    expect(d.target).toMatch(/^Đạt từ 70%/);
  });
  it('sets a cited document aside (kh-tinh-2024 #37)', () => {
    const d = parseDeadline('Theo tiến độ, lộ trình của từng mô hình đã đề ra tại Kế hoạch số 296/KH-UBND ngày 13/12/2023 của UBND tỉnh');
    expect(d.cited).toEqual(['Kế hoạch số 296/KH-UBND ngày 13/12/2023']);
    expect(d.parts.some((p) => p.kind === 'date')).toBe(false);
  });
  it('keeps a target apart from the time (kh-tinh-2024 #5, #4)', () => {
    expect(parseDeadline('Năm 2024: cấp tỉnh và huyện 100%; cấp xã 90%').target).toBe('cấp tỉnh và huyện 100%; cấp xã 90%');
    expect(parseDeadline('Điểm đánh giá … năm 2024 đứng ở top 15/63 tỉnh').target).toMatch(/top 15\/63/);
    expect(parseDeadline('Quý I/2024').target).toBeUndefined();
  });
  it('an empty or unreadable phrase is unknown, not an error', () => {
    expect(parseDeadline('').kind).toBe('unknown');
    expect(parseDeadline('???').kind).toBe('unknown');
  });
});

describe('deadlineStatus: only what the text supports', () => {
  const on = '2026-11-22';
  const ended = { from: '2024-01-01', to: '2024-12-31' }; // kh-tinh-2024: "năm 2024"
  const openEnded = { from: '2024-02-11' }; // ct-04-2024: "năm 2024 và những năm tiếp theo"
  const current = { from: '2026-01-01', to: '2026-12-31' };
  it.each([
    // A passed date in a plan whose period has ended is neutral, never red.
    ['Quý I/2024', ended, 'period-ended'],
    ['Năm 2024, theo lộ trình của Bộ Tư pháp', ended, 'period-ended'],
    ['Năm 2024: cấp tỉnh và huyện 100%; cấp xã 90%', ended, 'period-ended'],
    // Red only where the plan sets a date and its period is current.
    ['Tháng 6/2024', openEnded, 'past-due'],
    ['Quý I/2024', current, 'past-due'],
    ['Tháng 11/2026', current, 'due-soon'],
    ['Năm 2027', openEnded, 'in-force'],
    ['Đã hoàn thành', ended, 'done'],
    ['Đã hoàn thành và thực hiện thường xuyên', ended, 'recurring'],
    ['Thực hiện thường xuyên', ended, 'recurring'],
    ['Quý I/2024 và thực hiện thường xuyên', openEnded, 'recurring'],
    ['Từ tháng 01/2024 và thực hiện thường xuyên', ended, 'recurring'],
    ['Từ tháng 01/2027 và thực hiện thường xuyên', openEnded, 'starts'],
    ['Theo lộ trình Bộ Công an đề xuất', openEnded, 'roadmap'],
    ['Theo lộ trình hoàn thành của Tòa án nhân dân tối cao (dự kiến trong năm 2024)', ended, 'roadmap'],
    ['Theo tiến độ, lộ trình của từng mô hình đã đề ra tại Kế hoạch số 296/KH-UBND ngày 13/12/2023 của UBND tỉnh', ended, 'roadmap'],
    ['Đạt từ 70% trở lên từ quý II/2024 và đạt 90% trở lên từ quý III năm 2024', ended, 'staged'],
    ['Đạt từ 70% trở lên từ quý II/2027 và đạt 90% trở lên từ quý III năm 2027', openEnded, 'starts'],
    ['', openEnded, 'unknown'],
  ] as const)('%s (plan %j) on 2026-11-22 → %s', (raw, period, status) => {
    expect(deadlineStatus(parseDeadline(raw), on, { period })).toBe(status);
  });
  it('names the day it speaks of', () => {
    expect(deadlineStatusDetail(parseDeadline('Quý I/2024'), on, { period: ended })).toEqual({ status: 'period-ended', date: '2024-12-31' });
    expect(deadlineStatusDetail(parseDeadline('Tháng 6/2024'), on, { period: openEnded })).toEqual({ status: 'past-due', date: '2024-06-30' });
  });
  it('the due-soon window is configurable', () => {
    const d = parseDeadline('Tháng 2/2027');
    expect(deadlineStatus(d, on)).toBe('in-force');
    expect(deadlineStatus(d, on, { dueSoonDays: 120 })).toBe('due-soon');
  });
});

describe('the real catalog: no red without a current-period due date', () => {
  it('every past-due item has a due date that passed while its plan is still in force', async () => {
    const { realBuild } = await import('./helpers');
    const { itemStatus, deadlineOf } = await import('../../lib/catalog/status');
    const { catalog } = realBuild();
    const on = '2026-11-22';
    const items = [...catalog.tasks, ...catalog.models, ...catalog.targets];
    const red = items.filter((i) => itemStatus(catalog, i, on).status === 'past-due');
    for (const item of red) {
      const period = catalog.documents.find((d) => d.key === item.doc)!.period;
      expect(period.to === undefined || period.to >= on, item.ref).toBe(true);
      expect(deadlineOf(catalog, item)!.due! < on, item.ref).toBe(true);
    }
    // The plans for 2024 and 2025 have ended: none of their items is red.
    expect(red.filter((i) => i.doc !== 'ct-04-2024')).toEqual([]);
    // kh-tinh-2024 #32 (staged) and #37 (cited plan's date) are not dated at all.
    expect(itemStatus(catalog, catalog.tasks.find((t) => t.ref === 'kh-tinh-2024#32')!, on).status).toBe('staged');
    expect(catalog.tasks.find((t) => t.ref === 'kh-tinh-2024#37')!.deadline.due).toBeUndefined();
    // Its two stage targets hold from the start of Q2 and Q3 2024; neither is due then.
    const stage = (ref: string) => catalog.targets.find((t) => t.ref === ref)!.period;
    expect(stage('kh-tinh-2024#32/2')).toEqual({ raw: 'từ quý II/2024', from: '2024-04-01' });
    expect(stage('kh-tinh-2024#32/3').from).toBe('2024-07-01');
    expect(stage('kh-tinh-2024#32/3').due).toBeUndefined();
  });
});
