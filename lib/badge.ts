/**
 * The in-page badge: a small button fixed in a corner of the portal page,
 * saying how many plan items are specific to the procedure on screen (or that
 * none is). The portal page is not trusted (issue 15, cause 5):
 *
 * - the host is a plain `div` the content script creates and keeps a
 *   reference to: no custom element name a page could define or create first,
 *   and the badge is never looked up in the document;
 * - its shadow root is closed (Chrome; see the README for Firefox): the page
 *   sees only the host and its marker attribute, not the count or the words;
 * - the styles live in the shadow root; on `:host` every property is reset
 *   (`all: initial`) and set with `!important`: for important declarations the
 *   inner (shadow) context beats the page's, even the page's inline
 *   `!important` styles; attributes the page adds to the host
 *   (style, hidden, inert, class…) are removed, and a removed host is put back
 *   (a bounded number of times);
 * - only trusted clicks (a person's) open the panel, at most once a second.
 *
 * Kept free of other imports: it ships in the content script.
 */

/** The one thing the page may see: the host carries this attribute (the extension is present). */
export const BADGE_MARKER = 'data-da06-badge';

/** What the background tells the content script to show (derived from the tab state). */
export interface BadgeView {
  /** Items specific to the procedure; 0 shows the text alone, without a number. */
  count: number;
  /** The visible words ("Đề án 06", or "Đề án 06: không có mục riêng"). */
  text: string;
  /** Accessible name and tooltip. */
  label: string;
}

/** The content script's check of the background's message (no zod there, to stay small). */
export function isBadgeView(value: unknown): value is BadgeView {
  const v = value as Partial<BadgeView> | null;
  return (
    typeof v === 'object' && v !== null &&
    typeof v.count === 'number' && Number.isInteger(v.count) && v.count >= 0 &&
    typeof v.text === 'string' && v.text.length <= 120 &&
    typeof v.label === 'string' && v.label.length <= 300
  );
}

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important;
  bottom: 16px !important; z-index: 2147483647 !important; }
button { all: initial; box-sizing: border-box; display: flex; align-items: center; gap: 6px; cursor: pointer;
  font: 600 13px/18px system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #ffffff; background: #a3141c;
  border-radius: 18px; padding: 6px 12px; box-shadow: 0 2px 6px rgba(0,0,0,0.3); white-space: nowrap; }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.count { background: #ffffff; color: #a3141c; border-radius: 10px; min-width: 20px; padding: 0 6px; text-align: center; }
`;

export interface PageBadgeOptions {
  /** A person clicked the badge (trusted events only, at most once per `minIntervalMs`). */
  onActivate(): void;
  /** 'closed' keeps the count and words from the page. */
  mode?: ShadowRootMode;
  /** How often a host the page removed is put back, at most. */
  maxReattach?: number;
  minIntervalMs?: number;
  now?: () => number;
}

export interface PageBadge {
  /** Create (first time) or update the badge and make sure it is in the page. */
  show(view: BadgeView): void;
  /** Take the badge out of the page (the page shows no procedure any more). */
  remove(): void;
  /** Stop watching (the extension was reloaded). */
  destroy(): void;
}

export function createPageBadge(doc: Document, options: PageBadgeOptions): PageBadge {
  const maxReattach = options.maxReattach ?? 50;
  const minInterval = options.minIntervalMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let host: HTMLElement | null = null;
  let parts: { button: HTMLButtonElement; text: HTMLSpanElement; count: HTMLSpanElement } | null = null;
  let wanted = false;
  let reattached = 0;
  let lastActivation = -Infinity;
  let observer: MutationObserver | null = null;

  const build = () => {
    const h = doc.createElement('div');
    h.setAttribute(BADGE_MARKER, '');
    const root = h.attachShadow({ mode: options.mode ?? 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const button = doc.createElement('button');
    button.type = 'button';
    const text = doc.createElement('span');
    text.className = 'text';
    const count = doc.createElement('span');
    count.className = 'count';
    button.append(text);
    root.append(style, button);
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      // A page script can click (element.click(), dispatchEvent): only a person's click counts.
      if (!event.isTrusted) return;
      const t = now();
      if (t - lastActivation < minInterval) return;
      lastActivation = t;
      options.onActivate();
    });
    host = h;
    parts = { button, text, count };
  };

  /** Only our marker on the host: the page's style, hidden, inert, class… go. */
  const scrub = () => {
    if (!host) return;
    for (const a of Array.from(host.attributes)) if (a.name !== BADGE_MARKER) host.removeAttribute(a.name);
    if (!host.hasAttribute(BADGE_MARKER)) host.setAttribute(BADGE_MARKER, '');
  };

  const home = () => doc.documentElement ?? doc.body;
  /** Directly under <html>: a page replacing or hiding its <body> does not take the badge with it. */
  const inPlace = () => Boolean(host && host.parentNode === home());
  const attach = () => {
    if (!host || inPlace()) return;
    home()?.append(host);
  };

  const watch = () => {
    if (observer || typeof MutationObserver === 'undefined' || !doc.documentElement) return;
    observer = new MutationObserver(() => {
      if (!wanted || !host) return;
      if (host.attributes.length !== 1 || !host.hasAttribute(BADGE_MARKER)) scrub();
      // Removed, or moved elsewhere (into something hidden): put back, a bounded number of times.
      if (!inPlace() && reattached < maxReattach) {
        reattached++;
        attach();
      }
    });
    observer.observe(doc.documentElement, { childList: true });
  };

  const observeHost = () => {
    if (host && observer) observer.observe(host, { attributes: true });
  };

  return {
    show(view) {
      if (!host) build();
      const { button, text, count } = parts!;
      text.textContent = view.text;
      if (view.count > 0) {
        count.textContent = String(view.count);
        // A space between the words and the count: the accessible name reads "Đề án 06 17", as the
        // label does (a flex container does not render it).
        if (!count.isConnected) button.append(doc.createTextNode(' '), count);
      } else {
        if (count.previousSibling?.nodeType === 3) count.previousSibling.remove();
        count.remove();
      }
      button.setAttribute('aria-label', view.label);
      button.title = view.label;
      wanted = true;
      scrub();
      attach();
      watch();
      observeHost();
    },
    remove() {
      wanted = false;
      host?.remove();
    },
    destroy() {
      wanted = false;
      observer?.disconnect();
      observer = null;
      host?.remove();
    },
  };
}
