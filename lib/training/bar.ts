/*
 * The strip on top of every demo screen (open Shadow DOM, so the screen's
 * markup stays as the portal's and the adapters never see it): the "ĐÀO TẠO"
 * marker, the simulated address, a way back to the Đào tạo page, the tours of
 * this screen and the panel.
 */

export const BAR_TAG = 'da06-training-bar';

export interface BarOptions {
  marker: string;
  text: string;
  url: string;
  back: { label: string; href: string };
  panel: { label: string; onClick: () => void };
  tours: { id: string; label: string; title: string; onClick: () => void }[];
}

const CSS = `
:host { all: initial; display: block; position: fixed; top: 0; left: 0; right: 0; height: 40px; z-index: 2147482000; }
.bar { box-sizing: border-box; height: 40px; display: flex; flex-wrap: nowrap; gap: 10px; align-items: center; padding: 0 10px;
  background: #111; color: #fff; font: 14px/1.3 system-ui, "Segoe UI", Roboto, Arial, sans-serif; border-bottom: 3px solid #ffd400; white-space: nowrap; }
.marker { background: #ffd400; color: #111; font-weight: 800; letter-spacing: .06em; padding: 2px 10px; border-radius: 4px; flex: none; }
.text { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.url { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; color: #ffe680; }
a, button { flex: none; font: inherit; color: #111; background: #fff; border: 2px solid #fff; border-radius: 5px; padding: 1px 10px; cursor: pointer; text-decoration: none; }
button.tour { background: #ffd400; border-color: #ffd400; }
a:focus-visible, button:focus-visible { outline: 3px solid #5fb3ff; outline-offset: 2px; }
`;

export function showTrainingBar(doc: Document, o: BarOptions): { setUrl(url: string): void } {
  doc.querySelector(BAR_TAG)?.remove();
  const host = doc.createElement(BAR_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', o.marker);
  const marker = doc.createElement('span');
  marker.className = 'marker';
  marker.textContent = o.marker;
  marker.setAttribute('data-testid', 'training-marker');
  const text = doc.createElement('span');
  text.className = 'text';
  text.textContent = `${o.text} `;
  text.title = o.text;
  const url = doc.createElement('span');
  url.className = 'url';
  url.setAttribute('data-testid', 'demo-url');
  url.textContent = o.url;
  text.append(url);
  const back = doc.createElement('a');
  back.href = o.back.href;
  back.textContent = o.back.label;
  bar.append(marker, text);
  for (const t of o.tours) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'tour';
    b.textContent = t.label;
    b.title = t.title;
    b.setAttribute('data-testid', `start-tour-${t.id}`);
    b.addEventListener('click', t.onClick);
    bar.append(b);
  }
  const panel = doc.createElement('button');
  panel.type = 'button';
  panel.textContent = o.panel.label;
  panel.setAttribute('data-testid', 'open-panel');
  panel.addEventListener('click', o.panel.onClick);
  bar.append(panel, back);
  root.append(style, bar);
  doc.body.prepend(host);
  // The page keeps its top 40 px free for the strip (demo-screens.css: body padding, modal offsets).
  doc.documentElement.classList.add('da06-has-bar');
  return { setUrl: (u) => void (url.textContent = u) };
}
