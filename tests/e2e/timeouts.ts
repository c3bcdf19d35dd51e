/*
 * Named waits for the E2E tests, instead of literals scattered in the specs.
 * They bound how long a test waits for something a user would see; they are
 * not performance targets (those live in bench/).
 */

/** The service worker of a freshly launched browser, or one woken again. */
export const WORKER_START = 15_000;
/** Content script → background → badge or panel: a page recognized and shown. */
export const RECOGNIZED = 10_000;
/** The panel's first list of items (matcher built, React rendered). */
export const PANEL_LIST = 15_000;
/** A worker closed through CDP reports its end. */
export const WORKER_STOP = 10_000;
/** The panel's checklist (its own chunk, the journal opened, the profile read). */
export const CHECKLIST = 15_000;
/** Budget of a whole-flow test that drives several pages or a second browser. */
export const LONG_FLOW = 120_000;

/** The Firefox E2E (tests/e2e-firefox/): launching Firefox and installing the add-on costs more. */
export const FIREFOX_TIMEOUTS = {
  /** Whole test: a Firefox launch, an add-on install and a few pages. */
  test: 90_000,
  /** Portal page loaded → in-page badge (site adapters answer at once). */
  badge: 15_000,
  /**
   * Generic reader on a user-added host: the sensor hands the page over only
   * after its 8 s watch, then the background reads it.
   */
  genericBadge: 25_000,
  /** An extension page the extension opens in a tab. */
  extensionTab: 15_000,
  /** Panel tab opened → items listed. */
  panelItems: 20_000,
  /** A click's effect (tick stored, host saved). */
  action: 10_000,
} as const;

/**
 * "No badge" is checked by waiting as long as the badge took to come on the
 * same page when it should, plus this margin.
 */
export const ABSENT_MARGIN_MS = 3_000;
