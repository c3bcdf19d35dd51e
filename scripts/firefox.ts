import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
 * built Firefox add-on (.output/firefox-mv2) installed as a temporary add-on.
 * Playwright cannot load Firefox add-ons; this is how the E2E and the bench
 * run the extension in a real Firefox.
 */

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'tro-ly-de-an-06@example.invalid';

/**
 * The add-on's internal UUID, pinned through the pref
 * `extensions.webextensions.uuids`, so its pages live at a known
 * moz-extension://<uuid>/ origin instead of a random one per profile.
 */
export const ADDON_UUID = 'd6a06d06-0606-4606-8606-0000000da006';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Prefs for a quiet, offline test profile with an unsigned temporary add-on. */
export const FIREFOX_PREFS: Record<string, unknown> = {
  'xpinstall.signatures.required': false,
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // Optional permissions (a host added in Options) are granted without the
  // doorhanger, which headless Firefox cannot show; the request itself must
  // still come from a user action.
  'extensions.webextOptionalPermissionPrompts': false,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
};

export function firefoxExtensionDir(root: string): string {
  return join(root, '.output', 'firefox-mv2');
}

/** Launch Firefox with a fresh profile and install the add-on built at `extensionDir`. */
export async function launchFirefoxWithExtension(
  extensionDir: string,
  options: { headless?: boolean; systemAccess?: boolean } = {},
): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    extraPrefsFirefox: FIREFOX_PREFS,
    // Lets WebDriver BiDi evaluate in Firefox's own window (the toolbar), for
    // the one test that clicks the toolbar button.
    args: options.systemAccess ? ['--remote-allow-system-access'] : [],
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return { browser, addonId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
