/*
 * Where a tour step points (no zod here: this also ships in the script injected for a tour
 * over a real portal page).
 */
export interface Anchor {
  /** CSS selector of the element to highlight. */
  selector?: string;
  /** Exact visible text of a label (trimmed, a trailing colon ignored). */
  text?: string;
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim().replace(/:$/, '').toLowerCase();

/**
 * The element a step highlights: the selector's match, or for a label text the
 * smallest element whose own text is that label, widened to its row (the
 * label and its value) when there is one.
 */
export function findAnchor(doc: Document, anchor: Anchor): Element | null {
  if (anchor.selector) {
    try {
      const el = doc.querySelector(anchor.selector);
      if (el) return el;
    } catch {
      // A bad selector finds nothing; the text (if any) may still.
    }
  }
  if (!anchor.text) return null;
  const want = fold(anchor.text);
  const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
  const label = all.find((el) => el.children.length === 0 && fold(el.textContent ?? '') === want) ??
    all.find((el) => fold(el.textContent ?? '') === want);
  if (!label) return null;
  // A label in a row (label + value): the row; a heading alone: itself.
  return label.closest('tr, .info-row, .ant-form-item, .spa-row') ?? (/^H[1-6]$/i.test(label.tagName) ? label : (label.parentElement ?? label));
}
