import { expect, type Page } from '@playwright/test';
import { RECOGNIZED } from './timeouts';

/*
 * The in-page badge as a user sees it, read from outside the page. Its shadow
 * root is closed (the page must not read the count), so neither the page nor
 * Playwright's locators can look inside; the DevTools protocol can
 * (DOM.getDocument with pierce), like the browser's own inspector. Clicks go
 * through the mouse at the badge's place, so they are real (trusted) clicks.
 */

/** The marker the page may see: the badge's host carries this attribute, nothing else. */
export const BADGE_HOST = '[data-da06-badge]';

export interface BadgeSeen {
  present: boolean;
  /** 'closed' | 'open' | null */
  mode: string | null;
  text: string | null;
  count: string | null;
  label: string | null;
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

const attr = (n: CdpNode, name: string): string | undefined => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

function* walk(n: CdpNode): Generator<CdpNode> {
  yield n;
  for (const s of n.shadowRoots ?? []) yield* walk(s);
  for (const c of n.children ?? []) yield* walk(c);
}

const textOf = (n: CdpNode): string => [...walk(n)].filter((x) => x.nodeType === 3).map((x) => x.nodeValue ?? '').join('');

export async function readBadge(page: Page): Promise<BadgeSeen> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = [...walk(root)].find((n) => n.nodeType === 1 && attr(n, 'data-da06-badge') !== undefined);
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return { present: false, mode: null, text: null, count: null, label: null };
    const nodes = [...walk(shadow)];
    const byClass = (c: string) => nodes.find((n) => n.nodeType === 1 && (attr(n, 'class') ?? '').split(' ').includes(c));
    const button = nodes.find((n) => n.nodeName === 'BUTTON');
    const count = byClass('count');
    const text = byClass('text');
    return {
      present: true,
      mode: shadow.shadowRootType ?? null,
      text: text ? textOf(text) : null,
      count: count ? textOf(count) : null,
      label: button ? (attr(button, 'aria-label') ?? null) : null,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Wait for the badge to show a number (a count of specific items) and return it. */
export async function badgeCount(page: Page, timeout = RECOGNIZED): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const { count } = await readBadge(page);
    if (count && /^[1-9]\d*$/.test(count)) return count;
    if (Date.now() > until) throw new Error(`no badge with a count within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait until no badge is in the page. */
export async function expectNoBadge(page: Page, timeout = RECOGNIZED): Promise<void> {
  await expect.poll(async () => (await readBadge(page)).present, { timeout }).toBe(false);
}

/** A real (trusted) click in the middle of the badge. */
export async function clickBadge(page: Page): Promise<void> {
  const box = await page.locator(BADGE_HOST).boundingBox();
  if (!box) throw new Error('the badge has no box (hidden or absent)');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Wait until the badge shows exactly `count`. */
export async function expectBadgeCount(page: Page, count: string | RegExp, timeout = RECOGNIZED): Promise<void> {
  const poll = expect.poll(async () => (await readBadge(page)).count ?? '', { timeout });
  await (typeof count === 'string' ? poll.toBe(count) : poll.toMatch(count));
}
