import { keepsWatching, recognizeWithAdapters } from './adapters';
import { unknownPage, type RecognizedPage } from './page';
import { sanitizedSnapshot } from './snapshot';
import { safeUrl } from './url';

/*
 * The content-script sensor, without browser APIs (they are passed in), so it
 * can be tested against a DOM library.
 *
 * Portals render late (the national app waits for a bot check) and change
 * route without page loads, so there is no deadline: the sensor follows the
 * address (cheap polling, plus popstate / hashchange / the Navigation API
 * where the browser has it — a content script cannot see the page's own
 * history calls) and watches the DOM while the result is incomplete. Work is
 * bounded instead: a mutation only arms a timer; scans are debounced, spaced
 * by several times their own cost, and capped per route. On a complete result
 * the observer stops, except on screens whose content changes without a URL
 * change (the one-stop system's dossier modal), which stay watched. When no
 * adapter claims the page, a sanitized snapshot goes to the generic reader
 * once the page is quiet (again, a few times at most, if it grows).
 */

export type SensorMessage =
  | { type: 'recognized'; page: RecognizedPage; final: boolean }
  | { type: 'snapshot'; url: string; html: string; adapterId?: string };

type Timer = ReturnType<typeof setTimeout>;

export interface SensorOptions {
  doc: Document;
  href: () => string;
  send: (message: SensorMessage) => void;
  /** Adapter chosen in Options for a user-added host ("generic" skips the site adapters). */
  adapterId?: string;
  /** Quiet time after the last mutation before a scan (debounce). */
  quietMs?: number;
  /** Longest wait from the first mutation of a burst to its scan, however busy the page. */
  maxDelayMs?: number;
  /** Quiet time before a page no adapter claims is handed to the generic reader. */
  snapshotQuietMs?: number;
  /** Scans per route at most (after that only the address is followed). */
  maxScans?: number;
  /** How often to compare the address, for in-page navigation. */
  pollMs?: number;
  /** Where route events are heard (window in the content script). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** The Navigation API object, where the browser has one. */
  navigation?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  MutationObserverImpl?: typeof MutationObserver;
}

/** Good enough to stop watching: a list, or a procedure with both name and code. */
export function isComplete(page: RecognizedPage | null): boolean {
  if (!page) return false;
  const p = page.procedure;
  switch (page.pageKind) {
    case 'procedure-list':
      return true;
    case 'dossier':
      return Boolean(p?.code || p?.name);
    case 'online-submission':
      return Boolean((p?.code || p?.portalId) && p?.name);
    case 'procedure-info':
      return Boolean(p?.code && p?.name);
    default:
      return false;
  }
}

function same(a: RecognizedPage | null, b: RecognizedPage | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const ROUTE_EVENTS = ['popstate', 'hashchange'] as const;

export function startSensor(options: SensorOptions): { stop(): void; rescan(): void } {
  const quietMs = options.quietMs ?? 150;
  const maxDelayMs = options.maxDelayMs ?? 1000;
  const snapshotQuietMs = options.snapshotQuietMs ?? 1200;
  const maxScans = options.maxScans ?? 300;
  const pollMs = options.pollMs ?? 300;
  const Observer = options.MutationObserverImpl ?? globalThis.MutationObserver;
  const later = (fn: () => void, ms: number): Timer => setTimeout(fn, ms);
  const cancel = (t: Timer) => clearTimeout(t);
  const now = () => Date.now();
  const doc = options.doc;

  let observer: MutationObserver | null = null;
  let timer: Timer | null = null;
  let snapshotTimer: Timer | null = null;
  let burstStart = 0;
  let lastScanCost = 0;
  let scans = 0;
  let lastSent: RecognizedPage | null = null;
  let currentHref = '';
  let keep = false;
  /** Since a route change, no mutation yet: what is on screen may be the previous route's. */
  let stale = false;
  let snapshots = 0;
  let lastSnapshotChars = 0;
  let stopped = false;

  const recognize = (): RecognizedPage | null => recognizeWithAdapters(doc, currentHref, options.adapterId);

  const send = (page: RecognizedPage, final: boolean) => {
    if (same(page, lastSent)) return;
    lastSent = page;
    // Adapters read the whole address; what leaves the page is trimmed to its identity.
    options.send({ type: 'recognized', page: { ...page, url: safeUrl(page.url) }, final });
  };

  const disconnect = () => {
    observer?.disconnect();
    observer = null;
    if (timer) cancel(timer);
    if (snapshotTimer) cancel(snapshotTimer);
    timer = snapshotTimer = null;
  };

  const handOver = () => {
    snapshotTimer = null;
    if (stopped || snapshots >= 3) return;
    const chars = doc.body?.textContent?.length ?? 0;
    // Again only if the page grew markedly since the last snapshot.
    if (snapshots > 0 && chars < lastSnapshotChars * 1.5) return;
    snapshots++;
    lastSnapshotChars = chars;
    options.send({
      type: 'snapshot',
      url: safeUrl(currentHref),
      html: sanitizedSnapshot(doc),
      ...(options.adapterId ? { adapterId: options.adapterId } : {}),
    });
  };

  const scan = () => {
    timer = null;
    if (stopped) return;
    scans++;
    const t0 = now();
    const page = recognize();
    lastScanCost = now() - t0;
    const complete = !stale && isComplete(page);
    if (page) send(page, complete);
    if (!page) {
      // No adapter claims it: the generic reader gets it once the page is quiet.
      if (snapshotTimer) cancel(snapshotTimer);
      snapshotTimer = later(handOver, snapshotQuietMs);
    }
    if ((complete && !keep) || scans >= maxScans) disconnect();
  };

  const schedule = () => {
    if (stopped) return;
    const t = now();
    if (!timer) burstStart = t;
    else cancel(timer);
    // Debounce, but never past maxDelay from the burst's start; space scans by their own cost.
    const wait = Math.max(quietMs, lastScanCost * 5);
    const due = Math.min(t + wait, Math.max(burstStart + maxDelayMs, t + lastScanCost * 5));
    timer = later(scan, Math.max(0, due - t));
  };

  const watch = () => {
    if (observer || !Observer || !doc.documentElement) return;
    observer = new Observer(() => {
      stale = false;
      schedule();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'value', 'title'] });
  };

  const begin = (routeChange: boolean) => {
    disconnect();
    currentHref = options.href();
    lastSent = null;
    scans = 0;
    lastScanCost = 0;
    snapshots = 0;
    lastSnapshotChars = 0;
    keep = keepsWatching(currentHref, options.adapterId);
    stale = routeChange;
    watch();
    if (routeChange) {
      // The app swaps its content after changing the address: let it start first.
      timer = later(scan, quietMs);
      burstStart = now();
    } else {
      scan();
    }
  };

  const onRoute = () => {
    if (!stopped && options.href() !== currentHref) begin(true);
  };
  const poll = setInterval(onRoute, pollMs);
  for (const type of ROUTE_EVENTS) options.events?.addEventListener(type, onRoute);
  options.navigation?.addEventListener('navigatesuccess', onRoute);

  begin(false);
  return {
    stop() {
      stopped = true;
      clearInterval(poll);
      for (const type of ROUTE_EVENTS) options.events?.removeEventListener(type, onRoute);
      options.navigation?.removeEventListener('navigatesuccess', onRoute);
      disconnect();
    },
    rescan() {
      begin(false);
    },
  };
}

export { unknownPage };
