import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { launchWithExtension as launch } from '../../scripts/chromium';
import { WORKER_START } from './timeouts';

/*
 * Real-browser fixtures: Debian's Chromium (/usr/bin/chromium) with the built
 * extension loaded (.output/chrome-mv3), portal pages served at their real
 * URLs by route interception from the fixtures (lib/adapters/<id>/fixtures/, tests/fixtures/).
 */

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const FIXTURES = resolve('.');

export function fixtureHtml(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export async function launchWithExtension(): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const context = await launch(EXTENSION_PATH);
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: WORKER_START });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** Serve one page per exact URL (others 404), for several portal hosts at once. */
export async function servePages(context: BrowserContext, pages: Map<string, string>): Promise<void> {
  const hosts = new Set([...pages.keys()].map((u) => new URL(u).host));
  for (const host of hosts) {
    await context.route(`https://${host}/**`, (route) => {
      const url = route.request().url().split('#')[0];
      const body = pages.get(url) ?? [...pages.entries()].find(([u]) => u.split('#')[0] === url)?.[1];
      return body === undefined
        ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })
        : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
  }
}

/** The id of the tab showing `url` (asked of the extension's service worker). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
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
