/*
 * Reading a page by its visible labels ("Mã thủ tục", "Lĩnh vực", also
 * written without diacritics) rather than by class names or row positions.
 * Only the labels below are ever read; rows labelled with a citizen's
 * personal data are skipped, whatever their position.
 */

import { collapseSpaces, foldDiacritics } from '../../text/normalize';
import { NATIONAL_CODE_IN_TEXT } from './page';

export type LabelKey = 'code' | 'name' | 'field' | 'level' | 'agency' | 'dossierCode';

/** Folded label texts (no diacritics, lower case) for each value we read. */
export const LABELS: Record<LabelKey, string[]> = {
  code: ['ma thu tuc', 'ma tthc', 'ma so ho so tthc', 'ma thu tuc hanh chinh'],
  name: ['ten thu tuc', 'thu tuc', 'ten thu tuc hanh chinh', 'ten tthc'],
  field: ['linh vuc'],
  level: ['cap thuc hien'],
  agency: ['co quan thuc hien', 'co quan co tham quyen'],
  dossierCode: ['ma ho so', 'so ho so', 'ma so ho so'],
};

/** Labels of personal data: never read, never followed. */
export const PERSONAL_LABELS = [
  'chu ho so', 'ho ten', 'ho va ten', 'ten nguoi nop', 'nguoi nop', 'nguoi nop ho so', 'so cmnd', 'cmnd',
  'so cmnd/the can cuoc', 'so cmnd the can cuoc', 'the can cuoc', 'so can cuoc', 'cccd', 'so cccd', 'so dinh danh',
  'so dinh danh ca nhan', 'dia chi', 'dia chi thuong tru', 'noi cu tru', 'so dien thoai', 'dien thoai', 'email',
  'thu dien tu', 'ngay sinh', 'nam sinh', 'gioi tinh', 'trich yeu', 'trich yeu ho so', 'noi dung ho so',
  'noi dung yeu cau giai quyet', 'so giay to', 'so giay to tuy than', 'so dien thoai di dong',
];

/** Folded comparison form, shared with the catalog (lib/text/normalize). */
export function fold(text: string): string {
  return collapseSpaces(foldDiacritics(text));
}

export type LabelTable = Partial<Record<LabelKey, string[]>>;

/** A label's comparison form: folded, without a trailing colon or required-mark. */
export function labelForm(text: string): string {
  return fold(text).replace(/[\s:：*]+$/, '').trim();
}

function labelKeyOf(text: string, table: LabelTable = LABELS): LabelKey | 'personal' | null {
  if (text.length > 60) return null;
  const folded = labelForm(text);
  if (!folded || folded.length > 40) return null;
  if (PERSONAL_LABELS.includes(folded)) return 'personal';
  for (const key of Object.keys(table) as LabelKey[]) {
    if (table[key]!.includes(folded)) return key;
  }
  return null;
}

/** Visible text of an element: script, style and form-control contents are not text. */
export function visibleText(el: Element, max = 600): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let out = '';
  for (let node = walker.nextNode(); node && out.length < max; node = walker.nextNode()) {
    if (node.parentElement?.closest('script,style,noscript,template,textarea,select')) continue;
    out += node.nodeValue ?? '';
  }
  return out;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The value cell next to a label element: its next sibling, or its parent's. */
function valueNear(labelEl: Element, table: LabelTable): string {
  // "<span>Label:</span> value" — the value is the text right after the label.
  const tail = labelEl.nextSibling;
  if (tail && tail.nodeType === 3) {
    const text = clean(tail.nodeValue);
    if (text) return text;
  }
  let el: Element | null = labelEl;
  for (let depth = 0; el && depth < 3; depth++) {
    const next = el.nextElementSibling;
    if (next) {
      // A definition list or a table row: take the following cell.
      const text = clean(visibleText(next));
      if (text && labelKeyOf(text, table) === null) return text;
      if (text) return '';
    }
    el = el.parentElement;
    if (el && (el.tagName === 'TR' || el.tagName === 'BODY')) break;
  }
  return '';
}

export interface LabelHit {
  key: LabelKey;
  label: string;
  value: string;
}

/**
 * Find labelled values in a subtree. Scans text nodes (bounded) whose text is
 * a known label, or "Label: value" in one node. The first hit per key wins.
 */
export interface ReadLabelsOptions {
  maxNodes?: number;
  quietAfterHit?: number;
  /** The labels to look for (default: LABELS). */
  labels?: LabelTable;
  /** Subtrees never read (a side box listing other procedures). */
  skip?: (el: Element) => boolean;
}

export function readLabels(root: ParentNode, options: ReadLabelsOptions = {}): LabelHit[] {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const table = options.labels ?? LABELS;
  const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  const hits = new Map<LabelKey, LabelHit>();
  const max = options.maxNodes ?? 30000;
  // Labels sit together; far past the last one found (a long legal-basis table)
  // there is nothing more to read.
  const quietAfterHit = options.quietAfterHit ?? 1500;
  let seen = 0;
  let lastHitAt = 0;
  let hitCount = 0;
  for (let node = walker.nextNode(); node && seen < max; node = walker.nextNode()) {
    seen++;
    if (hits.size > hitCount) {
      hitCount = hits.size;
      lastHitAt = seen;
    }
    if (hitCount > 0 && seen - lastHitAt > quietAfterHit) break;
    const raw = node.nodeValue ?? '';
    if (raw.length > 400 || !raw.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,noscript,template,textarea,input,select,option')) continue;
    const colon = raw.indexOf(':');
    if (colon < 0 && raw.length > 60) continue;
    const whole = labelKeyOf(raw, table);
    if (whole === 'personal') continue;
    if (whole && options.skip?.(parent)) continue;
    if (whole) {
      if (hits.has(whole)) continue;
      const value = valueNear(parent, table);
      if (value) hits.set(whole, { key: whole, label: clean(raw).replace(/:$/, ''), value });
      continue;
    }
    if (colon > 0 && colon < 40) {
      const key = labelKeyOf(raw.slice(0, colon), table);
      if (key && key !== 'personal' && !hits.has(key) && !options.skip?.(parent)) {
        const value = clean(raw.slice(colon + 1));
        if (value) hits.set(key, { key, label: clean(raw.slice(0, colon)), value });
      }
    }
  }
  return [...hits.values()];
}

/**
 * The national code in a value: "1.001193", also with a local suffix
 * ("2.000815.000.00.00.H55") or a service suffix ("1.013229.01"), which are
 * stripped. Look-alikes with letters ("1.004850A") are refused.
 */
export function nationalCodeOf(value: string): string | undefined {
  const m = /^\s*([123]\.\d{6})((?:\.\d{3}\.\d{2}\.\d{2}\.H\d{2}|\.\d{2})*)\s*$/i.exec(value);
  return m?.[1];
}

/** Accept a code only if it has the national shape, or a "Mã thủ tục" label says so. */
export function acceptCode(value: string, fromLabel: boolean): string | undefined {
  const v = value.trim();
  const code = nationalCodeOf(v) ?? v.match(NATIONAL_CODE_IN_TEXT)?.[0];
  if (code) return code;
  if (fromLabel && /^[A-Za-z0-9][\w.-]{2,29}$/.test(v)) return v;
  return undefined;
}

/** Mã hồ sơ of the one-stop systems: "000.00.06.H56-231027-0361" (portals.md §4). */
export const DOSSIER_CODE_IN_TEXT = /\b\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4,5}\b/;

/**
 * The value of ONE form control, found through its visible label
 * (`label[for]`), and only when that label is on the caller's allow-list.
 * Disabled inputs on the one-stop screens hold the values; every other control
 * in the same form (the owner's name, ID number, address…) is never touched.
 * For an antd Select the chosen option's text is read, not the control.
 */
export function readLabelledControl(root: ParentNode, allowed: readonly string[]): { label: string; value: string } | undefined {
  for (const label of Array.from(root.querySelectorAll('label[for]'))) {
    const text = clean(label.textContent);
    if (!allowed.includes(labelForm(text))) continue;
    const control = label.ownerDocument.getElementById(label.getAttribute('for')!) as HTMLInputElement | null;
    const select = control?.closest('.ant-select') ?? label.closest('.ant-form-item')?.querySelector('.ant-select');
    const chosen = select?.querySelector('.ant-select-selection-item');
    const value = clean(
      select ? chosen?.getAttribute('title') || chosen?.textContent : control?.matches('input, textarea') ? control.value || control.getAttribute('value') || control.textContent : '',
    );
    if (value) return { label: text, value };
  }
  return undefined;
}

/** A dossier code looks like "000.00.12.H56-250701-0001" or "H56.12-250701-0001" (labelled as such). */
export function acceptDossierCode(value: string): string | undefined {
  const v = value.trim().split(/\s/)[0];
  return /^[A-Za-z0-9][A-Za-z0-9.-]{5,40}$/.test(v) && /\d/.test(v) ? v : undefined;
}
