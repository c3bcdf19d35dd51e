import { describe, expect, it } from 'vitest';
import { deadlineStatus, parseDeadline } from '../../lib/catalog/deadline';
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
  ['Đạt từ 70% trở lên từ quý II/2024 và đạt 90% trở lên từ quý III năm 2024', 'combination', '2024-09-30'],
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
  it('an empty or unreadable phrase is unknown, not an error', () => {
    expect(parseDeadline('').kind).toBe('unknown');
    expect(parseDeadline('???').kind).toBe('unknown');
  });
});

describe('deadlineStatus', () => {
  const on = '2026-11-22';
  it.each([
    ['Quý I/2024', 'overdue'],
    ['Đã hoàn thành', 'done'],
    ['Đã hoàn thành và thực hiện thường xuyên', 'recurring'],
    ['Thực hiện thường xuyên', 'recurring'],
    ['Quý I/2024 và thực hiện thường xuyên', 'recurring'],
    ['Theo lộ trình Bộ Công an đề xuất', 'conditional'],
    ['Theo lộ trình hoàn thành của Tòa án nhân dân tối cao (dự kiến trong năm 2024)', 'conditional'],
    ['Năm 2024, theo lộ trình của Bộ Tư pháp', 'overdue'],
    ['Tháng 11/2026', 'due-soon'],
    ['Năm 2027', 'ongoing'],
    ['', 'unknown'],
  ])('%s on 2026-11-22 → %s', (raw, status) => {
    expect(deadlineStatus(parseDeadline(raw), on)).toBe(status);
  });
  it('the due-soon window is configurable', () => {
    const d = parseDeadline('Tháng 2/2027');
    expect(deadlineStatus(d, on)).toBe('ongoing');
    expect(deadlineStatus(d, on, { dueSoonDays: 120 })).toBe('due-soon');
  });
});
