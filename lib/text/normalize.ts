/**
 * Vietnamese text normalization shared by the ingester, the matcher and the UI.
 * One module so that catalog items and portal pages are compared the same way.
 */

/** Unicode NFC; the seeds are NFC but pages and user input may not be. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Lowercase, drop diacritics, map đ→d. "Đăng ký khai sinh" → "dang ky khai sinh".
 * Used for comparisons only, never for display.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Folded form with punctuation turned into single spaces: a comparison key. */
export function comparisonKey(text: string): string {
  return foldDiacritics(text)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Collapse runs of whitespace (tabs, newlines, NBSP) to one space and trim. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Remove the markup the PDF/Word conversion left in the seeds: HTML tags
 * (<b>, <i>, <ul style=…>), markdown emphasis (** and *), escaped asterisks,
 * and the space padding around italic spans ("( <i>chính</i> )" → "(chính)").
 */
export function stripMarkup(text: string): string {
  const ESCAPED_STAR = '\u2217';
  return collapseSpaces(
    text
      .replace(/<[^>]{0,200}>/g, ' ')
      .replace(/\\\*/g, ESCAPED_STAR)
      .replace(/\*\*+/g, '')
      .replace(/(^|\s)\*(\S)/g, '$1$2')
      .replace(/(\S)\*(?=\s|$|[),.;:])/g, '$1'),
  )
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+([,.;:])/g, '$1')
    .replaceAll(ESCAPED_STAR, '*');
}

/**
 * Like foldDiacritics but guarantees one output character per input UTF-16
 * unit, so match offsets in the folded text are offsets in the original.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const folded = foldDiacritics(ch);
    out += folded.length === 1 ? folded : ch;
  }
  return out;
}

const OLD_STYLE_TONES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const OLD_STYLE_RE = /(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{N}])/gu;

/**
 * Vietnamese writes the tone of open "oa/oe/uy" syllables in two styles
 * ("hoá"/"hóa", "uỷ"/"ủy"); both occur in the seeds. Map the old style to
 * the new so that accented comparisons see one spelling.
 */
export function unifyToneMarks(text: string): string {
  return nfc(text).replace(OLD_STYLE_RE, (m) => OLD_STYLE_TONES[m.toLowerCase()] ?? m);
}

/**
 * Accent-preserving comparison key: NFC, lowercase, one tone style,
 * punctuation turned into single spaces. "lưu trú" and "lưu trữ" stay apart.
 */
export function accentKey(text: string): string {
  return unifyToneMarks(nfc(text).toLowerCase())
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/** True when the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== nfc(text).toLowerCase();
}
