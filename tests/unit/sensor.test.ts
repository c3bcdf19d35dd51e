import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSensor, type SensorMessage } from '../../lib/recognize/sensor';
import { fixtureByFile } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';

/*
 * The sensor against a DOM library with fake timers: no fixed deadline (a
 * page that renders after 20 s is still read), route changes without page
 * loads, the one-stop modal coming and going without a URL change, and
 * bounded work on a page that never stops changing.
 */

const UUID = '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';

function setup(html: string, href: string) {
  const { document, MutationObserver } = parseHTML(html) as unknown as { document: Document; MutationObserver: typeof globalThis.MutationObserver };
  const messages: SensorMessage[] = [];
  const state = { href };
  const sensor = startSensor({ doc: document, href: () => state.href, send: (m) => messages.push(m), MutationObserverImpl: MutationObserver });
  const pages = () => messages.flatMap((m) => (m.type === 'recognized' ? [m.page] : []));
  return { document, messages, pages, state, sensor };
}

/** The body of a fixture page. */
function bodyOf(file: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/.exec(fixtureSource({ file }))![1];
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sensor', () => {
  it('reads a page that renders long after load (no deadline), and stops watching once complete', async () => {
    const s = setup('<html><body><div id="root">Đang kiểm tra trình duyệt…</div></body></html>', `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${UUID}`);
    expect(s.pages().at(-1)).toMatchObject({ pageKind: 'procedure-info', procedure: { portalId: UUID } });
    await vi.advanceTimersByTimeAsync(20_000);
    s.document.getElementById('root')!.innerHTML = bodyOf('lib/adapters/national-spa/fixtures/detail.html');
    await vi.advanceTimersByTimeAsync(2_000);
    const last = s.pages().at(-1)!;
    expect(last.procedure).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', portalId: UUID });
    expect(s.messages.at(-1)).toMatchObject({ final: true });
    const count = s.messages.length;
    // Complete: later changes are not read any more (until the route changes).
    s.document.querySelector('h3')!.textContent = 'Something else';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.messages.length).toBe(count);
    s.sensor.stop();
  });

  it('follows route changes without page loads, and does not take the previous route\'s content as final', async () => {
    const s = setup(`<html><body><div id="root">${bodyOf('lib/adapters/national-spa/fixtures/list.html')}</div></body></html>`, 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh');
    expect(s.pages().at(-1)?.pageKind).toBe('procedure-list');
    // The app pushes the detail address; its content comes 2 s later.
    s.state.href = `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${UUID}`;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.messages.filter((m) => m.type === 'recognized' && m.final && m.page.url.includes(UUID))).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    s.document.getElementById('root')!.innerHTML = bodyOf('lib/adapters/national-spa/fixtures/detail.html');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(s.pages().at(-1)).toMatchObject({ pageKind: 'procedure-info', procedure: { code: '1.001193', portalId: UUID } });
    // On to the submission step.
    s.state.href = `https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?formalityId=${UUID}`;
    await vi.advanceTimersByTimeAsync(500);
    s.document.getElementById('root')!.innerHTML = bodyOf('lib/adapters/national-spa/fixtures/choose-agency.html');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(s.pages().at(-1)).toMatchObject({ pageKind: 'online-submission', procedure: { portalId: UUID, name: 'Đăng ký khai sinh' } });
    s.sensor.stop();
  });

  it('keeps watching the one-stop screen: dossier → list → another dossier without a URL change', async () => {
    const list = fixtureSource(fixtureByFile('lib/adapters/thanhhoa-motcua/fixtures/one-stop-app.html')).replace(/<script[\s\S]*?<\/script>/g, '');
    const modal = /<div class="ant-modal-root">[\s\S]*?<\/div><\/div>\s*<\/div><\/div>/.exec(fixtureSource({ file: 'lib/adapters/thanhhoa-motcua/fixtures/dossier-modal.html' }))![0];
    const s = setup(list, 'https://motcua.thanhhoa.gov.vn/dvc/xu-ly-ho-so/dang-xu-ly');
    expect(s.pages().at(-1)?.pageKind).toBe('procedure-list');
    const host = s.document.getElementById('modal-host')!;
    host.innerHTML = modal;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.pages().at(-1)).toMatchObject({ pageKind: 'dossier', dossierCode: '000.00.12.H56-250701-0001', procedure: { name: 'Đăng ký khai sinh' } });
    (host.querySelector('.ant-modal-wrap') as HTMLElement).setAttribute('style', 'display: none;');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.pages().at(-1)?.pageKind).toBe('procedure-list');
    host.innerHTML = modal.replace('250701-0001', '250701-0002').replace('value="Đăng ký khai sinh"', 'value="Đăng ký kết hôn"');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.pages().at(-1)).toMatchObject({ dossierCode: '000.00.12.H56-250701-0002', procedure: { name: 'Đăng ký kết hôn' } });
    s.sensor.stop();
  });

  it('bounds its work on a page that never stops changing', async () => {
    const s = setup('<html><body><main><h3>Tên 0</h3></main></body></html>', `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${UUID}`);
    const h3 = s.document.querySelector('h3')!;
    let i = 0;
    const ticker = setInterval(() => {
      h3.textContent = `Thủ tục số ${++i}`;
    }, 10);
    await vi.advanceTimersByTimeAsync(60_000);
    clearInterval(ticker);
    // 6,000 changes in a minute; every scan gives a new result (the name changes), so sent = scans.
    const sent = s.pages().length;
    expect(sent).toBeGreaterThan(5);
    expect(sent).toBeLessThanOrEqual(65);
    s.sensor.stop();
  });

  it('hands a page no adapter claims to the generic reader once it is quiet, not again while it stays the same', async () => {
    const s = setup('<html><body><main><p>Đang tải…</p></main></body></html>', 'https://dichvucong.ninhbinh.gov.vn/thu-tuc/1');
    await vi.advanceTimersByTimeAsync(500);
    expect(s.messages.filter((m) => m.type === 'snapshot')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
    s.document.querySelector('p')!.setAttribute('class', 'x');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(s.messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
    // The page grows (content arrived late): one more snapshot.
    s.document.querySelector('main')!.innerHTML = bodyOf('tests/fixtures/generic/other-province.html');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(s.messages.filter((m) => m.type === 'snapshot')).toHaveLength(2);
    s.sensor.stop();
  });
});
