import writeXlsxFile from 'write-excel-file/universal';

/**
 * XLSX through write-excel-file (small, writes only, runs in the browser and
 * in Node): a summary sheet plus one sheet per CSV format.
 */
export async function toXlsx(sheets: { name: string; rows: readonly (readonly (string | number)[])[] }[]): Promise<Blob> {
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name.slice(0, 31),
      data: s.rows.map((row, i) =>
        row.map((value) => ({ value, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })),
      ),
    })),
  ).toBlob();
}
