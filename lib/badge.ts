/**
 * The in-page badge: a small button in a shadow root, fixed in a corner of the
 * portal page, saying how many plan items are specific to the procedure on
 * screen (or that none is). Styles live inside the shadow root (px units, so
 * the page's root font size cannot scale it) and the host resets inherited
 * styles, so nothing leaks in or out. Kept free of other imports: it ships in
 * the content script.
 */

export const BADGE_TAG = 'da06-badge';

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
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
button { all: initial; box-sizing: border-box; display: flex; align-items: center; gap: 6px; cursor: pointer;
  font: 600 13px/18px system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #ffffff; background: #a3141c;
  border-radius: 18px; padding: 6px 12px; box-shadow: 0 2px 6px rgba(0,0,0,0.3); }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.count { background: #ffffff; color: #a3141c; border-radius: 10px; min-width: 20px; padding: 0 6px; text-align: center; }
`;

/** Create or update the badge. */
export function showBadge(doc: Document, view: BadgeView, onClick: () => void): void {
  let host = doc.querySelector(BADGE_TAG) as HTMLElement | null;
  if (!host) {
    host = doc.createElement(BADGE_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const button = doc.createElement('button');
    button.type = 'button';
    const text = doc.createElement('span');
    text.className = 'text';
    button.append(text);
    root.append(style, button);
    (doc.body ?? doc.documentElement).append(host);
  }
  const root = host.shadowRoot!;
  const button = root.querySelector('button')!;
  root.querySelector('.text')!.textContent = view.text;
  let count = root.querySelector('.count');
  if (view.count > 0) {
    if (!count) {
      count = doc.createElement('span');
      count.className = 'count';
      button.append(count);
    }
    count.textContent = String(view.count);
  } else {
    count?.remove();
  }
  button.setAttribute('aria-label', view.label);
  button.title = view.label;
  button.onclick = (event) => {
    event.preventDefault();
    onClick();
  };
}

/** Remove the badge (the page shows no procedure any more). */
export function removeBadge(doc: Document): void {
  doc.querySelector(BADGE_TAG)?.remove();
}
