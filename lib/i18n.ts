/** UI strings, Vietnamese first; English second. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const vi = {
  appName: 'Trợ lý Đề án 06',
  tagline: 'Nhiệm vụ, chỉ tiêu, mô hình của Đề án 06 cho thủ tục đang xử lý',
  currentPage: 'Trang đang mở',
  noPortalPage: 'Chưa phải trang thủ tục trên Cổng Dịch vụ công. Mở một trang thủ tục để xem các nhiệm vụ liên quan.',
  portalPageSeen: 'Đã nhận trang trên cổng',
  catalog: 'Kho kế hoạch',
  tasks: 'Nhiệm vụ',
  models: 'Mô hình',
  targets: 'Chỉ tiêu',
  units: 'Đơn vị',
  document: 'Văn bản',
  defects: 'Lỗi văn bản nguồn',
  statusAsOf: 'Tình trạng thời hạn tính đến',
  status_done: 'Đã hoàn thành',
  status_overdue: 'Quá hạn',
  'status_due-soon': 'Sắp đến hạn',
  status_ongoing: 'Đang thực hiện',
  status_recurring: 'Thường xuyên',
  status_conditional: 'Theo lộ trình',
  status_unknown: 'Chưa rõ',
  language: 'Ngôn ngữ',
  loadError: 'Không tải được kho kế hoạch',
};
type Strings = typeof vi;

const en: Strings = {
  appName: 'Project 06 Desk Assistant',
  tagline: 'Đề án 06 tasks, targets and models for the procedure at hand',
  currentPage: 'Current page',
  noPortalPage: 'Not a procedure page on the Public Service Portal. Open a procedure page to see the related tasks.',
  portalPageSeen: 'Portal page seen',
  catalog: 'Plan catalog',
  tasks: 'Tasks',
  models: 'Models',
  targets: 'Targets',
  units: 'Units',
  document: 'Document',
  defects: 'Source defects',
  statusAsOf: 'Deadline status as of',
  status_done: 'Done',
  status_overdue: 'Overdue',
  'status_due-soon': 'Due soon',
  status_ongoing: 'Ongoing',
  status_recurring: 'Recurring',
  status_conditional: 'On a roadmap',
  status_unknown: 'Unknown',
  language: 'Language',
  loadError: 'Could not load the plan catalog',
};

export const STRINGS: Record<Locale, Strings> = { vi, en };
export type StringKey = keyof Strings;
