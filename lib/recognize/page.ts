/*
 * What recognition produces. The types live with the adapters' shared kit
 * (lib/adapters/kit/page.ts), which adapters import without pulling in the
 * orchestration; this module keeps the old import path for the rest of the app.
 */
export * from '../adapters/kit/page';
