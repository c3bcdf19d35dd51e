import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTabState } from '@/services/tab-state';
import { createTabStates } from '@/services/background/tab-states';
import type { RecognizedPage } from '@/lib/recognize/page';

/*
 * Issue 15, cause 9: without the `tabs` permission the browser hides the
 * address of a tab on a site the extension has no host permission for. Such
 * a navigation must still clear the tab's state (the old page's procedure
 * must not stay), while a reload or an in-page route on the portal keeps it.
 */

const DETAIL: RecognizedPage = {
  site: 'national-old',
  pageKind: 'procedure-info',
  url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  confidence: 0.9,
  evidence: { urlRule: 'x', landmarks: [], tried: [] },
};
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('tab state without the tabs permission', () => {
  beforeEach(() => fakeBrowser.reset());

  it('attack: portal tab navigates to a site whose address is hidden (no `tabs`) → the old procedure is forgotten', async () => {
    const states = createTabStates({ summarize: async () => ({ specific: 3, everyFiling: 20 }) });
    states.start();
    await states.record(4, DETAIL);
    // What Chrome sends without `tabs` and without host permission: no url anywhere.
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading' }, { id: 4 } as never);
    await tick();
    expect(await readTabState(4)).toBeNull();
  });

  it('a reload of the portal page (address visible through the host permission) keeps the state', async () => {
    const states = createTabStates({ summarize: async () => ({ specific: 3, everyFiling: 20 }) });
    states.start();
    await states.record(4, DETAIL);
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading' }, { id: 4, url: DETAIL.url } as never);
    await tick();
    expect((await readTabState(4))?.page.procedure?.code).toBe('1.001193');
  });
});
