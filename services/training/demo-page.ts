import { browser } from 'wxt/browser';
import { inPageBadge } from '@/lib/badge-view';
import { createPageBadge } from '@/lib/badge';
import type { Catalog } from '@/lib/catalog/schema';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { messenger } from '@/lib/messages/protocol';
import { startSensor } from '@/lib/recognize/sensor';
import { localeSetting, tourNotesSetting } from '@/lib/settings';
import { startTour, type TourOverlay } from '@/lib/training/overlay';
import type { DemoScreen } from '@/lib/training/screens';
import { findAnchor, refSource, type Tour } from '@/lib/training/tour';
import { readTabState, watchTabStates } from '../tab-state';

/*
 * A demo screen in an extension tab, on the production path:
 * - the screen's markup is the page's body; its "address" is the real portal
 *   URL of the route on show (changed in-app, like the portals' own apps);
 * - the content script's sensor (lib/recognize/sensor.ts) runs on this document
 *   with that address, so the same adapters recognize it, and it reports with
 *   the same `recognized`/`snapshot` messages. The background keys the tab
 *   state by the sender's tab — this tab — so the toolbar badge, the side
 *   panel and the checklist are the production ones;
 * - the in-page badge: the background's `badge` message goes to content
 *   scripts only (tabs.sendMessage), never to an extension page, so this page
 *   derives the same view from the same tab state (lib/badge-view) and draws it
 *   with the same code (lib/badge, createPageBadge). Its click sends the same `openPanel`.
 */

/**
 * Put a screen's markup (our own static strings, lib/training/screens.ts) into an element, through
 * DOMParser rather than innerHTML (parsed inert: no script runs, no handler attribute fires).
 */
function setMarkup(el: Element, html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  el.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => el.ownerDocument.importNode(n, true)));
}

export interface DemoPageOptions {
  doc: Document;
  screen: DemoScreen;
  /** Route to open first (index into screen.routes). */
  route?: number;
  /** Report each recognized page (bench, tests). */
  onRecognized?: (url: string) => void;
}

export interface DemoPage {
  /** The portal address the screen stands for now. */
  readonly href: string;
  go(route: number): void;
  openModal(key: string): void;
  closeModal(): void;
  runTour(tour: Tour, onEnd?: (finished: boolean) => void): Promise<TourOverlay>;
  stop(): void;
}

export function startDemoPage({ doc, screen, route = 0, onRecognized }: DemoPageOptions): DemoPage {
  const container = doc.getElementById('demo-screen');
  if (!container) throw new Error('demo page without #demo-screen');
  let current = Math.min(Math.max(route, 0), screen.routes.length - 1);
  let href = screen.routes[current]!.url;
  setMarkup(container, screen.routes[current]!.html);
  container.dataset.route = String(current);

  const sensor = startSensor({
    doc,
    href: () => href,
    events: null,
    navigation: null,
    send: (message) => {
      if (message.type === 'recognized') onRecognized?.(message.page.url);
      const sent =
        message.type === 'recognized'
          ? messenger.sendMessage('recognized', { page: message.page, final: message.final })
          : messenger.sendMessage('snapshot', { url: message.url, html: message.html });
      sent.catch(() => undefined);
    },
  });

  const modalHost = () => doc.getElementById('modal-host');
  const api: DemoPage = {
    get href() {
      return href;
    },
    go(next: number) {
      const r = screen.routes[next];
      if (!r || next === current) return;
      // Like the portals' apps: the address changes, then the content.
      current = next;
      href = r.url;
      setMarkup(container, r.html);
      container.dataset.route = String(next);
      doc.defaultView?.scrollTo?.(0, 0);
      sensor.rescan();
    },
    openModal(key: string) {
      const html = screen.modals?.[key];
      const host = modalHost();
      if (!html || !host) return;
      setMarkup(host, html);
      host.querySelector<HTMLElement>('.ant-modal-close')?.focus();
    },
    closeModal() {
      const host = modalHost();
      host?.replaceChildren();
    },
    async runTour(tour: Tour, onEnd?: (finished: boolean) => void) {
      const locale: Locale = await localeSetting.get().catch(() => 'vi' as const);
      const t = STRINGS[locale];
      const [{ default: catalog }, notes] = await Promise.all([
        import('@/lib/catalog/generated/catalog.shipped.json') as Promise<{ default: unknown }>,
        tourNotesSetting.get().catch(() => ({})),
      ]);
      const tourNotes = (notes as Record<string, Record<string, string>>)[tour.id] ?? {};
      const steps = tour.steps.map((s) => ({
        id: s.id,
        title: s.title[locale],
        body: s.body[locale],
        note: tourNotes[s.id],
        refs: s.refs.map((ref) => refSource(catalog as Catalog, ref) ?? { ref, document: '—', text: '—', where: '—' }),
      }));
      const overlay = startTour({
        doc,
        steps,
        texts: {
          stepOf: (n, total) => format(t.training_tourStepOf, { n, total }),
          next: t.training_tourNext,
          back: t.training_tourBack,
          finish: t.training_tourFinish,
          close: t.training_tourClose,
          sources: t.training_tourSources,
          note: t.training_tourNote,
          keys: t.training_tourKeys,
          notFound: t.training_tourNotFound,
          tourTitle: tour.title[locale],
        },
        prepare: (i) => {
          const step = tour.steps[i]!;
          if (step.route !== undefined) api.go(step.route);
          if (step.modal !== undefined) {
            if (!modalHost()?.querySelector('.ant-modal-root')) api.openModal(step.modal);
          }
          return findAnchor(doc, step.anchor);
        },
        onEnd: (finished) => {
          doc.documentElement.dataset.tour = finished ? 'finished' : 'closed';
          onEnd?.(finished);
        },
        onStep: (i) => {
          doc.documentElement.dataset.tourStep = String(i);
        },
      });
      doc.documentElement.dataset.tour = 'running';
      await overlay.go(0);
      return overlay;
    },
    stop() {
      sensor.stop();
      doc.removeEventListener('click', onClick);
    },
  };

  // The screen's declared behaviour (data-demo-*): extension pages run no inline script.
  const onClick = (e: Event) => {
    const target = e.target instanceof Element ? e.target : null;
    const act = target?.closest('[data-demo-go],[data-demo-modal],[data-demo-close],[data-demo-toggle]');
    if (!act) {
      if (target?.closest('a[href="#"]')) e.preventDefault();
      return;
    }
    e.preventDefault();
    const go = act.getAttribute('data-demo-go');
    const modal = act.getAttribute('data-demo-modal');
    const toggle = act.getAttribute('data-demo-toggle');
    if (go !== null) api.go(Number(go));
    else if (modal !== null) {
      // The one-stop app empties the host, then renders the modal a moment later.
      api.closeModal();
      setTimeout(() => api.openModal(modal), 120);
    } else if (act.hasAttribute('data-demo-close')) api.closeModal();
    else if (toggle !== null) {
      const el = doc.getElementById(toggle);
      if (el) el.hidden = !el.hidden;
    }
  };
  doc.addEventListener('click', onClick);
  // A demo form never leaves the page (Enter in a field would reload it).
  doc.addEventListener('submit', (e) => e.preventDefault());
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented && modalHost()?.querySelector('.ant-modal-root')) api.closeModal();
  });

  return api;
}

/** The in-page badge of this tab, from the tab state the background writes (see above). */
export async function followOwnBadge(doc: Document): Promise<() => void> {
  const tab = await browser.tabs.getCurrent();
  const tabId = tab?.id;
  if (tabId === undefined) return () => undefined;
  // Our own page, not a portal: the root stays open (tests and the bench read the count).
  const badge = createPageBadge(doc, { mode: 'open', onActivate: () => void messenger.sendMessage('openPanel').catch(() => undefined) });
  const apply = (summary: Parameters<typeof inPageBadge>[0]) => {
    const view = inPageBadge(summary);
    if (view) badge.show(view);
    else badge.remove();
  };
  const stop = watchTabStates((id, state) => {
    if (id === tabId) apply(state?.summary ?? null);
  });
  const first = await readTabState(tabId).catch(() => null);
  if (first) apply(first.summary);
  doc.documentElement.dataset.tabId = String(tabId);
  return stop;
}
