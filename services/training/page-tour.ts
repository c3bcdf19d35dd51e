import { browser } from 'wxt/browser';
import type { PageTourData } from '@/lib/training/page-tour';

/*
 * Start a tour over a real portal page: inject the tour script (entrypoints/tour.ts → /tour.js)
 * into the tab, then call it with the resolved tour. Chrome: scripting.executeScript; Firefox
 * (MV2): tabs.executeScript. Both run in the extension's isolated world, never the page's.
 */
type Mv2Tabs = { executeScript(tabId: number, details: { file?: string; code?: string }): Promise<unknown> };

export async function runTourOnTab(tabId: number, data: PageTourData): Promise<void> {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.executeScript) {
    await scripting.executeScript({ target: { tabId }, files: ['/tour.js'] });
    await scripting.executeScript({
      target: { tabId },
      func: (d: PageTourData) => (globalThis as unknown as { __da06Tour(x: PageTourData): void }).__da06Tour(d),
      args: [data],
    });
    return;
  }
  const tabs = browser.tabs as unknown as Mv2Tabs;
  await tabs.executeScript(tabId, { file: '/tour.js' });
  await tabs.executeScript(tabId, { code: `globalThis.__da06Tour(${JSON.stringify(data)});` });
}
