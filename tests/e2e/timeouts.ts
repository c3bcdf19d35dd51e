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
