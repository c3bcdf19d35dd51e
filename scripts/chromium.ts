import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where the built Chrome extension is and which Chromium runs it (Debian's). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine without network. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch a fresh profile with the unpacked extension at `extensionDir` loaded. */
export async function launchWithExtension(
  extensionDir: string,
  options: { headless?: boolean; viewport?: { width: number; height: number } | null } = {},
): Promise<BrowserContext> {
  const headless = options.headless ?? true;
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    ...(options.viewport !== undefined ? { viewport: options.viewport } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...QUIET_FLAGS,
      ...(headless ? ['--no-sandbox', '--disable-gpu'] : []),
    ],
  });
}

export function chromeExtensionDir(root: string): string {
  return join(root, '.output', 'chrome-mv3');
}
