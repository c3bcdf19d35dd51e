/**
 * The five seed documents, described once. Keys and files follow seeds/README.md;
 * titles, issuers and dates are read off each document's own header.
 * Plain data (seeds/ imports nothing): lib/catalog/build.ts types it as SeedDocument[].
 */
export const SEED_DOCUMENTS = [
  {
    key: 'kh-tinh-2024',
    shortTitle: 'KH Đề án 06 tỉnh Thanh Hóa 2024',
    fullTitle:
      'Kế hoạch triển khai thực hiện Đề án 06 trên địa bàn tỉnh Thanh Hóa năm 2024',
    issuer: 'UBND tỉnh Thanh Hóa',
    date: '2024-02',
    file: '000_aa9f174afe30a5df.txt',
  },
  {
    key: 'kh-tu-2025',
    shortTitle: 'KH 285-KH/TU (2025)',
    fullTitle:
      'Kế hoạch số 285-KH/TU thực hiện Kế hoạch số 02-KH/BCĐTW về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn tỉnh Thanh Hóa',
    issuer: 'Ban Thường vụ Tỉnh ủy Thanh Hóa',
    date: '2025-06-27',
    file: '001_0a2909a9864022ba.txt',
  },
  {
    key: 'kh-mo-hinh',
    shortTitle: 'KH 296/KH-UBND — 35 mô hình',
    fullTitle: 'Kế hoạch triển khai các mô hình của Đề án 06 trên địa bàn tỉnh Thanh Hóa (35 mô hình)',
    issuer: 'UBND tỉnh Thanh Hóa',
    date: '2023-12-13',
    file: '002_da0ec92470a2b2ed.txt',
    note: 'Cited elsewhere as Kế hoạch số 296/KH-UBND ngày 13/12/2023 (kh-tinh-2024, task 37).',
  },
  {
    key: 'kh-huyen-2024',
    shortTitle: 'KH Đề án 06 cấp huyện 2024',
    fullTitle:
      'Quyết định ban hành Kế hoạch thực hiện Đề án 06 trên địa bàn huyện trong năm 2024',
    issuer: 'UBND huyện Tuy Phước',
    date: '2024',
    file: '003_944e723982e2f6ae.txt',
    note: 'The seeds README lists it under Thanh Hóa; the text itself is signed by UBND huyện Tuy Phước (see defect kh-huyen-2024-issuer).',
  },
  {
    key: 'ct-04-2024',
    shortTitle: 'Chỉ thị 04/CT-TTg',
    fullTitle:
      'Chỉ thị số 04/CT-TTg về tiếp tục đẩy mạnh triển khai Đề án 06 tại các bộ, ngành, địa phương năm 2024 và những năm tiếp theo',
    issuer: 'Thủ tướng Chính phủ',
    date: '2024-02-11',
    file: '004_41813a0b6dbcf51b.txt',
  },
] as const;
