/*
 * The procedures the demo screens show. Codes, portal ids, names, fields and
 * levels are the real ones (national directory of 2026-07, seeds/procedures.json);
 * everything about people (names, ID numbers, phones, addresses, dossier codes)
 * is invented. Section texts are our own short summaries for training, not copies.
 */

export interface DemoPaper {
  name: string;
  count: string;
  /** Shown only in tours: the population database (CSDLQG về dân cư) makes the paper unnecessary. */
  replacedByPopulationDb?: boolean;
}

export interface DemoProcedure {
  id: string;
  code?: string;
  portalId?: string;
  name: string;
  field: string;
  level: string;
  agency: string;
  decision: string;
  steps: string;
  channels: string;
  deadline: string;
  fee: string;
  papers: DemoPaper[];
  legal: string;
  result: string;
  /** Interlinked (liên thông) group, when the procedure belongs to one. */
  interlinked?: { code: string; label: string };
}

export const DEMO_PROCEDURES: Record<string, DemoProcedure> = {
  'khai-sinh': {
    id: 'khai-sinh',
    code: '1.001193',
    portalId: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'Cấp xã',
    agency: 'Ủy ban nhân dân cấp xã',
    decision: '1872/QĐ-BTP',
    steps: 'Người yêu cầu nộp tờ khai và giấy tờ; công chức tư pháp - hộ tịch kiểm tra, ghi vào Sổ hộ tịch và cấp Giấy khai sinh.',
    channels: 'Trực tiếp; Trực tuyến; Dịch vụ bưu chính',
    deadline: 'Ngay trong ngày làm việc',
    fee: 'Miễn lệ phí khi đăng ký đúng hạn; thanh toán trực tuyến được khi nộp qua Cổng',
    papers: [
      { name: 'Tờ khai đăng ký khai sinh (mẫu điện tử)', count: 'Bản chính: 1' },
      { name: 'Giấy chứng sinh', count: 'Bản chính: 1' },
      { name: 'Giấy tờ tùy thân của người đi đăng ký', count: 'Xuất trình', replacedByPopulationDb: true },
      { name: 'Giấy tờ chứng minh nơi cư trú', count: 'Xuất trình', replacedByPopulationDb: true },
    ],
    legal: 'Luật Hộ tịch năm 2014; Nghị định 123/2015/NĐ-CP.',
    result: 'Mã: KQ001193 — Giấy khai sinh (bản chính và bản điện tử).',
    interlinked: { code: '2.000987', label: 'Liên thông: Đăng ký khai sinh – Đăng ký thường trú – Cấp thẻ BHYT cho trẻ em dưới 6 tuổi' },
  },
  'khai-tu': {
    id: 'khai-tu',
    code: '1.000656',
    portalId: '019d2bfd-3fac-7489-b53b-9c6c958f2da4',
    name: 'Đăng ký khai tử',
    field: 'Hộ tịch',
    level: 'Cấp xã',
    agency: 'Ủy ban nhân dân cấp xã',
    decision: '1872/QĐ-BTP',
    steps: 'Người đi đăng ký nộp tờ khai và giấy báo tử; công chức tư pháp - hộ tịch ghi Sổ hộ tịch và cấp Trích lục khai tử.',
    channels: 'Trực tiếp; Trực tuyến',
    deadline: 'Ngay trong ngày làm việc',
    fee: 'Miễn lệ phí khi đăng ký đúng hạn',
    papers: [
      { name: 'Tờ khai đăng ký khai tử', count: 'Bản chính: 1' },
      { name: 'Giấy báo tử hoặc giấy tờ thay giấy báo tử', count: 'Bản chính: 1' },
      { name: 'Giấy tờ tùy thân của người đi đăng ký', count: 'Xuất trình', replacedByPopulationDb: true },
    ],
    legal: 'Luật Hộ tịch năm 2014.',
    result: 'Mã: KQ000656 — Trích lục khai tử.',
    interlinked: { code: '1.006714', label: 'Liên thông: Đăng ký khai tử – Xóa đăng ký thường trú – Trợ cấp mai táng' },
  },
  'ket-hon': {
    id: 'ket-hon',
    code: '1.000894',
    portalId: '019d2bfd-3fac-7489-b53b-a15eb239a6fe',
    name: 'Đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'Cấp xã',
    agency: 'Ủy ban nhân dân cấp xã',
    decision: '1872/QĐ-BTP',
    steps: 'Hai bên nộp tờ khai; công chức tư pháp - hộ tịch kiểm tra điều kiện kết hôn; hai bên cùng có mặt ký Giấy chứng nhận kết hôn.',
    channels: 'Trực tiếp; Trực tuyến',
    deadline: 'Ngay trong ngày làm việc',
    fee: 'Miễn lệ phí',
    papers: [
      { name: 'Tờ khai đăng ký kết hôn', count: 'Bản chính: 1' },
      { name: 'Giấy xác nhận tình trạng hôn nhân (nơi khác cư trú)', count: 'Bản chính: 1', replacedByPopulationDb: true },
      { name: 'Giấy tờ tùy thân của hai bên', count: 'Xuất trình', replacedByPopulationDb: true },
    ],
    legal: 'Luật Hôn nhân và gia đình năm 2014; Luật Hộ tịch năm 2014.',
    result: 'Mã: KQ000894 — Giấy chứng nhận kết hôn.',
  },
  'thuong-tru': {
    id: 'thuong-tru',
    code: '1.004222',
    portalId: '019d2bf7-7704-7449-9e95-fe7ebb959aa2',
    name: 'Đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    level: 'Cấp xã',
    agency: 'Công an cấp xã',
    decision: '5548/QĐ-BCA',
    steps: 'Người đăng ký nộp hồ sơ; cơ quan đăng ký cư trú kiểm tra, cập nhật Cơ sở dữ liệu về cư trú và thông báo kết quả.',
    channels: 'Trực tiếp; Trực tuyến',
    deadline: '07 ngày làm việc',
    fee: 'Lệ phí theo quy định của tỉnh; giảm khi nộp trực tuyến',
    papers: [
      { name: 'Tờ khai thay đổi thông tin cư trú (CT01)', count: 'Bản chính: 1' },
      { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', count: 'Bản sao: 1' },
      { name: 'Giấy tờ chứng minh quan hệ nhân thân', count: 'Bản sao: 1', replacedByPopulationDb: true },
    ],
    legal: 'Luật Cư trú năm 2020.',
    result: 'Mã: KQ004222 — Thông báo kết quả đăng ký thường trú.',
  },
  'gia-han-bhyt': {
    id: 'gia-han-bhyt',
    name: 'Gia hạn thẻ bảo hiểm y tế theo hộ gia đình',
    field: 'Bảo hiểm y tế',
    level: 'Cấp xã',
    agency: 'Bảo hiểm xã hội cấp huyện',
    decision: '—',
    steps: 'Người tham gia kê khai; đại lý thu hoặc Bộ phận Một cửa tiếp nhận; cơ quan bảo hiểm xã hội gia hạn thẻ.',
    channels: 'Trực tiếp; Trực tuyến',
    deadline: '05 ngày làm việc',
    fee: 'Mức đóng theo hộ gia đình; thanh toán trực tuyến được',
    papers: [{ name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT', count: 'Bản chính: 1' }],
    legal: 'Luật Bảo hiểm y tế.',
    result: 'Thẻ BHYT được gia hạn.',
  },
  'tro-cap-xa-hoi': {
    id: 'tro-cap-xa-hoi',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng',
    field: 'Bảo trợ xã hội',
    level: 'Cấp xã',
    agency: 'Ủy ban nhân dân cấp xã',
    decision: '—',
    steps: 'Đối tượng hoặc người giám hộ nộp tờ khai; Hội đồng xét duyệt cấp xã xem xét; Chủ tịch UBND cấp xã quyết định.',
    channels: 'Trực tiếp; Trực tuyến',
    deadline: '10 ngày làm việc',
    fee: 'Không',
    papers: [{ name: 'Tờ khai đề nghị trợ giúp xã hội', count: 'Bản chính: 1' }],
    legal: 'Nghị định 20/2021/NĐ-CP.',
    result: 'Quyết định trợ cấp xã hội hằng tháng.',
  },
  'dat-dai': {
    id: 'dat-dai',
    code: '1.115246',
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong trường hợp chuyển đổi quyền sử dụng đất nông nghiệp mà không theo phương án dồn điền, đổi thửa hoặc trường hợp chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất, góp vốn bằng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất.',
    field: 'Đất đai',
    level: 'Cấp xã',
    agency: 'Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai',
    decision: '—',
    steps: 'Nộp hồ sơ tại Bộ phận Một cửa; Văn phòng đăng ký đất đai kiểm tra, xác nhận biến động.',
    channels: 'Trực tiếp; Trực tuyến',
    deadline: '08 ngày làm việc',
    fee: 'Lệ phí, phí thẩm định theo Nghị quyết của HĐND tỉnh',
    papers: [
      { name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', count: 'Bản chính: 1' },
      { name: 'Giấy chứng nhận đã cấp', count: 'Bản gốc: 1' },
      { name: 'Hợp đồng, văn bản về chuyển quyền', count: 'Bản chính: 1' },
    ],
    legal: 'Luật Đất đai năm 2024.',
    result: 'Giấy chứng nhận được xác nhận biến động.',
  },
  'chung-thuc': {
    id: 'chung-thuc',
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'Cấp xã',
    agency: 'Ủy ban nhân dân cấp xã',
    decision: '—',
    steps: 'Người yêu cầu xuất trình bản chính; người thực hiện chứng thực đối chiếu và chứng thực bản sao.',
    channels: 'Trực tiếp; Trực tuyến (bản sao điện tử)',
    deadline: 'Trong ngày',
    fee: '2.000 đồng/trang (từ trang thứ ba 1.000 đồng/trang)',
    papers: [{ name: 'Bản chính giấy tờ cần chứng thực', count: 'Bản chính: 1' }],
    legal: 'Nghị định 23/2015/NĐ-CP.',
    result: 'Bản sao được chứng thực từ bản chính.',
  },
  'ly-lich-tu-phap': {
    id: 'ly-lich-tu-phap',
    code: '3.000333',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'Cấp tỉnh',
    agency: 'Công an tỉnh',
    decision: '—',
    steps: 'Người yêu cầu nộp tờ khai (có thể qua VNeID); cơ quan cấp Phiếu tra cứu và cấp Phiếu lý lịch tư pháp.',
    channels: 'Trực tiếp; Trực tuyến (VNeID)',
    deadline: '10 ngày',
    fee: '200.000 đồng/lần; thanh toán trực tuyến được',
    papers: [
      { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', count: 'Bản chính: 1' },
      { name: 'Giấy tờ chứng minh nơi cư trú', count: 'Bản sao: 1', replacedByPopulationDb: true },
    ],
    legal: 'Luật Lý lịch tư pháp năm 2009.',
    result: 'Phiếu lý lịch tư pháp (bản giấy hoặc điện tử).',
  },
};
