import { fold, PERSONAL_LABELS } from '../adapters/kit/labels';

/*
 * A sanitized copy of the page for the generic reader. Before anything leaves
 * the page: form values, scripts, styles, images and media are dropped, and
 * any element whose text is a personal-data label takes its value cell with it.
 * The result is capped in size; nothing of it is stored.
 */

export const SNAPSHOT_MAX_CHARS = 1_500_000;

export function sanitizedSnapshot(doc: Document): string {
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('script,style,noscript,template,iframe,object,embed,img,svg,video,audio,canvas,link,meta').forEach((el) => el.remove());
  clone.querySelectorAll('input,textarea,select').forEach((el) => el.remove());
  const walker = doc.createTreeWalker(clone, 4 /* SHOW_TEXT */);
  const personal: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = fold(node.nodeValue ?? '').replace(/[:：*]+$/, '').trim();
    const label = text.includes(':') ? text.slice(0, text.indexOf(':')).trim() : text;
    if (label && label.length <= 40 && PERSONAL_LABELS.includes(label) && node.parentElement) {
      personal.push(node.parentElement);
    }
  }
  for (const el of personal) {
    // Remove the label, its value sibling, and the row that holds both.
    const row = el.closest('tr, .info-row, .row, li, dl') ?? el.parentElement ?? el;
    row.remove();
  }
  for (const el of Array.from(clone.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'value') el.removeAttribute(attr.name);
    }
  }
  const html = `<!doctype html>${clone.outerHTML}`;
  return html.length > SNAPSHOT_MAX_CHARS ? html.slice(0, SNAPSHOT_MAX_CHARS) : html;
}
