import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { knownNameFrom } from '@/lib/match/known-name';
import { getMatcher } from '@/lib/match/shipped';
import { recognizePage } from '@/lib/recognize';
import { parseHtml } from '@/lib/recognize/node-dom';
import { readGeneric } from '@/lib/recognize/reading';
import { startSensor, type SensorMessage } from '@/lib/recognize/sensor';
import { safeUrl, URL_MAX } from '@/lib/recognize/url';
import { RecognizedPageSchema } from '@/lib/recognize/schema';
import { createReceiver } from '@/services/background/receiver';
import { createTabStates } from '@/services/background/tab-states';
import { readTabState } from '@/services/tab-state';
import { readDirectory } from '../../scripts/directory-io';
import { fixtureByFile } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';

/*
 * Issue 15, causes 6 and 7: a page title is a procedure name only when it
 * names a known procedure, and a page whose report fails validation is
 * recorded as unreadable — never left showing the previous procedure.
 */

const APPLICANT = 'Trần Văn Cường';
const applicantPage = fixtureByFile('tests/fixtures/generic/applicant-dossier.html');
const knownName = knownNameFrom(getMatcher(), readDirectory());

const DETAIL_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=373812';
const detail = RecognizedPageSchema.parse({
  site: 'national-old',
  pageKind: 'procedure-info',
  url: DETAIL_URL,
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh', portalId: '373812' },
  confidence: 0.95,
  evidence: { urlRule: 'detail', landmarks: [], tried: [] },
});

function receiverWith(reading: { page: unknown; title?: string }) {
  const tabStates = createTabStates({ summarize: async (p) => (p.procedure ? { specific: 4, everyFiling: 22 } : null) });
  const receiver = createReceiver({
    tabStates,
    reader: async () => ({ read: async () => reading as never }),
    knownName: async (title, hints) => knownName(title, hints),
  });
  return { tabStates, receiver };
}

describe('privacy by allow-list: page titles (cause 6)', () => {
  beforeEach(() => fakeBrowser.reset());

  it("attack: applicant's name in title and h1 on an unowned portal path → not the procedure name, nowhere in the page", () => {
    const page = recognizePage(parseHtml(fixtureSource(applicantPage)), applicantPage.url, { knownName });
    expect(page.site).toBe('generic');
    expect(page.procedure).toEqual({ code: '1.001193' });
    expect(JSON.stringify(page)).not.toContain(APPLICANT);
    expect(JSON.stringify(page)).not.toContain('Tran Van Cuong');
  });

  it("attack: applicant's name as the generic reader's title candidate → the background stores no trace of it", async () => {
    // What Chrome's offscreen document answers: the page without a name, the title apart.
    const reading = readGeneric(parseHtml(fixtureSource(applicantPage)), applicantPage.url);
    expect(reading.title).toContain(APPLICANT);
    expect(JSON.stringify(reading.page)).not.toContain(APPLICANT);
    const { receiver } = receiverWith(reading);
    expect(await receiver.snapshot({ url: applicantPage.url, html: '<p>…</p>' }, { tab: { id: 7 } as never, url: applicantPage.url })).toEqual({ ok: true });
    const state = await readTabState(7);
    expect(state?.page.dossierCode).toBe('000.00.12.H56-251120-0042');
    expect(state?.page.procedure?.code).toBe('1.001193');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(APPLICANT);
  });

  it('a title that is a known procedure name becomes the known (official) name', async () => {
    const html = parseHtml(
      '<!doctype html><html><head><title>Thủ tục đăng ký khai sinh - Cổng tỉnh</title></head><body><h1>Thủ tục đăng ký khai sinh</h1>' +
        '<table><tr><td>Mã thủ tục:</td><td>1.001193</td></tr></table><p>' + 'Hướng dẫn nộp hồ sơ. '.repeat(20) + '</p></body></html>',
    );
    const page = recognizePage(html, 'https://dichvucong.example.gov.vn/tthc/1', { knownName });
    expect(page.procedure?.name).toBe('Đăng ký khai sinh');
    expect(page.evidence.landmarks).toContain('readability:title=known procedure');
  });
});

describe('long addresses and validation failures (cause 7)', () => {
  beforeEach(() => fakeBrowser.reset());

  const longUrl = `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?utm_source=${'x'.repeat(3000)}&ma_thu_tuc=2.000986&q=${'y'.repeat(500)}#/chi-tiet?MaTTHC=2.000986&s=${'z'.repeat(400)}`;

  it('attack: in-page URL of 4,000 characters → sent trimmed to ≤ 2,048 with host, path, ma_thu_tuc and #route kept', () => {
    expect(longUrl.length).toBeGreaterThan(3900);
    const trimmed = safeUrl(longUrl);
    expect(trimmed.length).toBeLessThanOrEqual(URL_MAX);
    expect(trimmed).toBe('https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.000986#/chi-tiet?MaTTHC=2.000986');
    // A short address is left as it is.
    expect(safeUrl(DETAIL_URL)).toBe(DETAIL_URL);
  });

  it('attack: the sensor on a page at a 4,000-character address → its report passes the background\'s schema', async () => {
    const f = fixtureByFile('lib/adapters/national-old/fixtures/procedure-summary.html');
    const sent: SensorMessage[] = [];
    const sensor = startSensor({ doc: parseHtml(fixtureSource(f)), href: () => longUrl, send: (m) => sent.push(m), pollMs: 10_000 });
    sensor.stop();
    const report = sent.find((m) => m.type === 'recognized');
    expect(report?.type === 'recognized' && report.page.procedure?.code).toBe('2.000986');
    const { receiver } = receiverWith({ page: null });
    await receiver.recognized({ page: report?.type === 'recognized' ? report.page : null, final: true }, { tab: { id: 3 } as never, url: longUrl });
    const state = await readTabState(3);
    expect(state?.page.site).toBe('national-old');
    expect(state?.page.procedure?.code).toBe('2.000986');
    expect(state?.page.url.length).toBeLessThanOrEqual(URL_MAX);
  });

  it('attack: a report that fails validation after a procedure → recorded as unreadable, the previous procedure gone', async () => {
    const { receiver, tabStates } = receiverWith({ page: null });
    await tabStates.record(5, detail);
    expect((await readTabState(5))?.summary).toEqual({ specific: 4, everyFiling: 22 });
    const invalid = { page: { ...detail, url: `${DETAIL_URL}&x=${'a'.repeat(3000)}` }, final: true };
    await receiver.recognized(invalid, { tab: { id: 5 } as never, url: invalid.page.url });
    const state = await readTabState(5);
    expect(state?.page.site).toBe('unreadable');
    expect(state?.page.procedure).toBeNull();
    expect(state?.summary).toBeNull();
    expect(state?.page.url).toBe(DETAIL_URL);
    // Why, without the value.
    expect(state?.page.evidence.tried.join(' ')).toMatch(/recognized: invalid page\.url/);
    expect(JSON.stringify(state)).not.toContain('aaaa');
  });

  it('attack: a snapshot the generic reader cannot read → unreadable, not the previous procedure', async () => {
    const tabStates = createTabStates({ summarize: async (p) => (p.procedure ? { specific: 4, everyFiling: 22 } : null) });
    const receiver = createReceiver({
      tabStates,
      reader: async () => ({ read: async () => Promise.reject(new Error('offscreen document busy')) }),
      knownName: async () => undefined,
    });
    await tabStates.record(6, detail);
    expect(await receiver.snapshot({ url: 'https://dichvucong.gov.vn/khac', html: '<p>x</p>' }, { tab: { id: 6 } as never })).toEqual({ ok: false });
    const state = await readTabState(6);
    expect(state?.page.site).toBe('unreadable');
    expect(state?.page.procedure).toBeNull();
  });
});
