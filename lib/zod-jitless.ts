import { config } from 'zod/v4';

/*
 * zod without its code generator. The extension's bundles resolve `zod` to
 * this module (wxt.config.ts, resolve.alias), so `jitless` is set before any
 * other module of any context (background, pages, offscreen document) can
 * build or use a schema: zod then never probes `new Function`, which the
 * extension pages' Content-Security-Policy reports as a violation, and parses
 * with its interpreter. Node (tests, CLI) imports zod itself: no CSP there.
 */
config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
