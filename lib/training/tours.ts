import cuTruThuongTru from '../../tours/cu-tru-thuong-tru.json';
import khaiSinhCongQuocGia from '../../tours/khai-sinh-cong-quoc-gia.json';
import motCuaMaHoSo from '../../tours/mot-cua-ma-ho-so.json';
import { TourSchema, type Tour } from './tour';

/*
 * The tours shipped with the extension: one JSON file per tour in tours/,
 * listed here (a unit test fails when a file in tours/ is missing from this
 * list) and validated at load.
 */
const FILES: Record<string, unknown> = {
  'cu-tru-thuong-tru.json': cuTruThuongTru,
  'khai-sinh-cong-quoc-gia.json': khaiSinhCongQuocGia,
  'mot-cua-ma-ho-so.json': motCuaMaHoSo,
};

export const TOUR_FILES: readonly string[] = Object.keys(FILES);

export const TOURS: readonly Tour[] = Object.entries(FILES)
  .map(([file, raw]) => {
    const parsed = TourSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`tours/${file}: ${parsed.error.message}`);
    return parsed.data;
  })
  .sort((a, b) => a.id.localeCompare(b.id));

export function tourById(id: string): Tour | undefined {
  return TOURS.find((t) => t.id === id);
}
