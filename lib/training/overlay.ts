/*
 * The tour overlay: a small one of our own, inside an open Shadow DOM (the
 * page's styles cannot reach it, ours cannot leak), so it can sit over a demo
 * screen or a portal page alike. A spotlight frames the step's element; a
 * non-modal dialog names the step, explains it and lists the plan items with
 * their sources. Keyboard: → next, ← back, Esc ends; a polite live region
 * announces each step for screen readers; focus moves to the step's heading.
 *
 * Plain DOM, no framework: it takes its texts and the steps' content already
 * resolved (no catalog, no browser API here).
 */

export const TOUR_TAG = 'da06-tour';

export interface OverlayRef {
  ref: string;
  document: string;
  text: string;
  where: string;
}

export interface OverlayStep {
  id: string;
  title: string;
  body: string;
  refs: OverlayRef[];
  /** The trainer's own note for this step (training set), if any. */
  note?: string;
}

export interface OverlayTexts {
  /** "Bước {n}/{total}" */
  stepOf: (n: number, total: number) => string;
  next: string;
  back: string;
  finish: string;
  close: string;
  sources: string;
  note: string;
  keys: string;
  /** Announced when the element of a step is not on screen. */
  notFound: string;
  /** The tour's name (the dialog's label). */
  tourTitle: string;
}

export interface OverlayOptions {
  doc: Document;
  steps: OverlayStep[];
  texts: OverlayTexts;
  /** Prepare the screen for step i (route, modal) and return the element to frame. */
  prepare: (index: number) => Promise<Element | null> | Element | null;
  /** Called once when the tour ends; `finished` is true after the last step's "finish". */
  onEnd?: (finished: boolean) => void;
  /** Called after each step is shown (tests, bench). */
  onStep?: (index: number) => void;
}

export interface TourOverlay {
  go(index: number): Promise<void>;
  next(): Promise<void>;
  back(): Promise<void>;
  end(finished?: boolean): void;
  readonly index: number;
}

const CSS = `
:host { all: initial; }
.spot { position: fixed; z-index: 2147483000; border-radius: 6px; pointer-events: none;
  box-shadow: 0 0 0 4px #ffd400, 0 0 0 9999px rgba(0,0,0,.55); transition: all .15s ease-out; }
.spot[hidden] { display: none; }
.dialog { position: fixed; z-index: 2147483001; right: 16px; bottom: 16px; width: min(460px, calc(100vw - 32px));
  max-height: 70vh; overflow: auto; box-sizing: border-box; background: #fff; color: #111; border: 2px solid #111;
  border-radius: 10px; padding: 16px 18px; font: 15px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif;
  box-shadow: 0 8px 30px rgba(0,0,0,.35); }
.count { font-size: 13px; font-weight: 600; color: #5a1a00; margin: 0 0 4px; letter-spacing: .02em; }
h2 { font-size: 18px; margin: 0 0 8px; line-height: 1.3; }
h2:focus { outline: 3px solid #1a55c0; outline-offset: 2px; }
p { margin: 0 0 10px; }
h3 { font-size: 14px; margin: 10px 0 4px; }
ul { margin: 0; padding: 0 0 0 18px; }
li { margin: 0 0 6px; font-size: 13.5px; }
.ref { font-weight: 700; font-family: ui-monospace, Menlo, Consolas, monospace; }
.where { color: #444; font-size: 12.5px; }
.note { background: #fff6d6; border-left: 4px solid #b58100; padding: 6px 8px; }
.keys { color: #444; font-size: 12.5px; margin-top: 8px; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; flex-wrap: wrap; }
button { font: inherit; font-size: 14px; padding: 6px 14px; border-radius: 6px; border: 2px solid #1a3d7c; background: #fff; color: #1a3d7c; cursor: pointer; }
button.primary { background: #1a3d7c; color: #fff; }
button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
button[disabled] { opacity: .45; cursor: default; }
.close { position: absolute; top: 8px; right: 8px; border: none; font-size: 20px; padding: 0 8px; line-height: 1.4; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function startTour(options: OverlayOptions): TourOverlay {
  const { doc, steps, texts } = options;
  doc.querySelector(TOUR_TAG)?.remove();
  const host = el(doc, TOUR_TAG as 'div');
  const root = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style');
  style.textContent = CSS;
  const spot = el(doc, 'div', { class: 'spot', 'aria-hidden': 'true' });
  const dialog = el(doc, 'div', { class: 'dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'da06-tour-title', 'data-testid': 'tour-dialog' });
  const live = el(doc, 'div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'data-testid': 'tour-live' });
  root.append(style, spot, dialog, live);
  doc.documentElement.append(host);

  let index = -1;
  let target: Element | null = null;
  let ended = false;
  let generation = 0;

  const place = () => {
    if (!target || !target.isConnected) {
      spot.hidden = true;
      return;
    }
    const r = target.getBoundingClientRect();
    spot.hidden = false;
    spot.style.left = `${r.left - 6}px`;
    spot.style.top = `${r.top - 6}px`;
    spot.style.width = `${r.width + 12}px`;
    spot.style.height = `${r.height + 12}px`;
  };

  const render = (i: number, found: boolean) => {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    dialog.replaceChildren();
    dialog.setAttribute('data-step', step.id);
    dialog.setAttribute('data-index', String(i));
    const close = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': texts.close, 'data-testid': 'tour-close' }, '×');
    const count = el(doc, 'p', { class: 'count' }, `${texts.tourTitle} · ${texts.stepOf(i + 1, steps.length)}`);
    const title = el(doc, 'h2', { id: 'da06-tour-title', tabindex: '-1', 'data-testid': 'tour-title' }, step.title);
    const body = el(doc, 'p', { 'data-testid': 'tour-body' }, step.body);
    dialog.append(close, count, title, body);
    if (!found) dialog.append(el(doc, 'p', { class: 'where' }, texts.notFound));
    if (step.note) {
      const note = el(doc, 'p', { class: 'note', 'data-testid': 'tour-note' });
      note.append(el(doc, 'strong', {}, `${texts.note}: `), doc.createTextNode(step.note));
      dialog.append(note);
    }
    dialog.append(el(doc, 'h3', {}, texts.sources));
    const list = el(doc, 'ul', { 'data-testid': 'tour-refs' });
    for (const r of step.refs) {
      const li = el(doc, 'li', { 'data-ref': r.ref });
      li.append(el(doc, 'span', { class: 'ref' }, r.ref), doc.createTextNode(` — ${r.document}: ${r.text} `), el(doc, 'span', { class: 'where' }, `(${r.where})`));
      list.append(li);
    }
    dialog.append(list);
    const buttons = el(doc, 'div', { class: 'buttons' });
    const back = el(doc, 'button', { type: 'button', 'data-testid': 'tour-back' }, `← ${texts.back}`);
    if (i === 0) back.disabled = true;
    const next = el(doc, 'button', { type: 'button', class: 'primary', 'data-testid': last ? 'tour-finish' : 'tour-next' }, last ? texts.finish : `${texts.next} →`);
    buttons.append(back, next);
    dialog.append(buttons, el(doc, 'p', { class: 'keys' }, texts.keys));
    close.addEventListener('click', () => api.end(false));
    back.addEventListener('click', () => void api.back());
    next.addEventListener('click', () => (last ? api.end(true) : void api.next()));
    live.textContent = `${texts.stepOf(i + 1, steps.length)}: ${step.title}`;
    title.focus({ preventScroll: true });
  };

  const onKey = (e: KeyboardEvent) => {
    if (ended) return;
    // Typing in a field of the page is left alone.
    const t = e.target as HTMLElement | null;
    if (t && t !== host && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      if (index === steps.length - 1) api.end(true);
      else void api.next();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      void api.back();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      api.end(false);
    }
  };
  const view = doc.defaultView;
  doc.addEventListener('keydown', onKey, true);
  view?.addEventListener('resize', place);
  view?.addEventListener('scroll', place, true);

  const api: TourOverlay = {
    get index() {
      return index;
    },
    async go(i: number) {
      if (ended || i < 0 || i >= steps.length) return;
      const mine = ++generation;
      const found = await options.prepare(i);
      if (mine !== generation || ended) return;
      index = i;
      target = found;
      target?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      render(i, Boolean(found));
      place();
      options.onStep?.(i);
    },
    next: () => api.go(index + 1),
    back: () => api.go(index - 1),
    end(finished = false) {
      if (ended) return;
      ended = true;
      doc.removeEventListener('keydown', onKey, true);
      view?.removeEventListener('resize', place);
      view?.removeEventListener('scroll', place, true);
      host.remove();
      options.onEnd?.(finished);
    },
  };
  return api;
}
