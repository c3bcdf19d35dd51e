import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { launchWithExtension as launch } from '../../scripts/chromium';

/*
 * Real-browser fixtures: Debian's Chromium (/usr/bin/chromium) with the built
 * extension loaded (.output/chrome-mv3), portal pages served at their real
 * URLs by route interception from tests/fixtures/.
 */

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const FIXTURES = resolve('tests/fixtures');

export function fixtureHtml(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export async function launchWithExtension(): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const context = await launch(EXTENSION_PATH);
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** Serve a fixture for every request to a portal host (no network needed). */
export async function servePortal(context: BrowserContext, hostPattern: string, html: string): Promise<void> {
  await context.route(hostPattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export const test = base.extend<{ ext: { context: BrowserContext; worker: Worker; extensionId: string } }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, provide) => {
    const ext = await launchWithExtension();
    await provide(ext);
    await ext.context.close();
  },
});
export { expect } from '@playwright/test';
