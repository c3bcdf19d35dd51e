/**
 * The in-page badge: a small button in a shadow root, fixed in a corner of the
 * portal page, saying how many plan items are specific to the procedure on
 * screen. Styles live inside the shadow root (px units, so the page's root
 * font size cannot scale it) and the host resets inherited styles, so nothing
 * leaks in or out. Kept free of other imports: it ships in the content script.
 */

export const BADGE_TAG = 'da06-badge';

export interface BadgeOptions {
  count: number;
  label: string;
  onClick: () => void;
}

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
button { all: initial; box-sizing: border-box; display: flex; align-items: center; gap: 6px; cursor: pointer;
  font: 600 13px/18px system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #ffffff; background: #a3141c;
  border-radius: 18px; padding: 6px 12px; box-shadow: 0 2px 6px rgba(0,0,0,0.3); }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.count { background: #ffffff; color: #a3141c; border-radius: 10px; min-width: 20px; padding: 0 6px; text-align: center; }
`;

/** Create or update the badge; returns a function that removes it. */
export function showBadge(doc: Document, options: BadgeOptions): () => void {
  let host = doc.querySelector(BADGE_TAG) as HTMLElement | null;
  if (!host) {
    host = doc.createElement(BADGE_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const button = doc.createElement('button');
    button.type = 'button';
    const count = doc.createElement('span');
    count.className = 'count';
    const text = doc.createElement('span');
    text.textContent = 'Đề án 06';
    button.append(text, count);
    root.append(style, button);
    (doc.body ?? doc.documentElement).append(host);
  }
  const root = host.shadowRoot!;
  const button = root.querySelector('button')!;
  root.querySelector('.count')!.textContent = String(options.count);
  button.setAttribute('aria-label', options.label);
  button.title = options.label;
  button.onclick = (event) => {
    event.preventDefault();
    options.onClick();
  };
  const el = host;
  return () => el.remove();
}
