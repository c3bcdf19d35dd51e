import { z } from 'zod';

/** The reviewed OCR table (seeds/ocr-display.json): display text only. */
export const OcrTableSchema = z.object({
  fixes: z.array(z.object({ from: z.string().min(2), to: z.string().min(1), seen: z.string() })),
});
export type OcrTable = z.infer<typeof OcrTableSchema>;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Build a fixer: whole-word, case-sensitive replacements, longest first. */
export function makeOcrFixer(table: OcrTable): (text: string) => string {
  const fixes = [...table.fixes].sort((a, b) => b.from.length - a.from.length);
  const patterns = fixes.map((f) => ({
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(f.from)}(?![\\p{L}\\p{N}])`, 'gu'),
    to: f.to,
  }));
  return (text) => patterns.reduce((acc, p) => acc.replace(p.re, p.to), text);
}
