import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '../../lib/portals';
import { recognizePage } from '../../lib/recognize';
import { parseHtml } from '../../lib/recognize/node-dom';
import { RecognizedPageSchema } from '../../lib/recognize/schema';
import { sanitizedSnapshot } from '../../lib/recognize/snapshot';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';

describe('every adapter accepts its own examples and rejects every other adapter\'s', () => {
  for (const adapter of SITE_ADAPTERS) {
    for (const example of adapter.examples) {
      it(`${adapter.id} accepts ${example.url} as ${example.kind}`, () => {
        expect(adapter.matchUrl(new URL(example.url))?.kind).toBe(example.kind);
      });
      for (const other of SITE_ADAPTERS.filter((a) => a !== adapter)) {
        it(`${other.id} rejects ${example.url}`, () => {
          expect(other.matchUrl(new URL(example.url))).toBeNull();
        });
      }
    }
  }
  it('no adapter claims unrelated or form-download pages', () => {
    for (const url of [
      'https://baochinhphu.vn/thoi-tiet.htm',
      'https://bieumau.dichvucong.gov.vn/bieumau/to-khai.docx',
      'https://dichvucong.gov.vn/jsp/tthc/export/export_word_detail_tthc.jsp?maTTHC=1.001193&idTTHC=373812',
      'https://dichvucong.thanhhoa.gov.vn/portaldvc/Photos/banner.png',
    ]) {
      for (const a of SITE_ADAPTERS) expect(a.matchUrl(new URL(url)), `${a.id} on ${url}`).toBeNull();
    }
  });
});

describe('fixtures', () => {
  for (const f of FIXTURES) {
    it(f.name, () => {
      const page = recognizePage(parseHtml(fixtureSource(f)), f.url);
      // Late content is not there in a static parse except for the first paint.
      if (f.late) {
        expect(page.site).toBe(f.site);
        expect(page.procedure?.name).toBe(f.procedure?.name);
        expect(page.procedure?.code).toBeUndefined();
        expect(page.evidence.tried).toContain('label:Mã thủ tục');
        return;
      }
      expect(RecognizedPageSchema.parse(page)).toEqual(page);
      expect(page.site).toBe(f.site);
      expect(page.pageKind).toBe(f.kind);
      expect(page.procedure).toEqual(f.procedure);
      expect(page.dossierCode).toBe(f.dossierCode);
      const json = JSON.stringify(page);
      for (const s of f.forbidden ?? []) expect(json).not.toContain(s);
      if (page.pageKind === 'unknown') expect(page.evidence.tried.length).toBeGreaterThan(0);
      else expect(page.evidence.landmarks.length + (page.evidence.urlRule ? 1 : 0)).toBeGreaterThan(0);
    });
  }
  it('a list page never claims one procedure', () => {
    const f = FIXTURES.find((x) => x.kind === 'procedure-list')!;
    const page = recognizePage(parseHtml(fixtureSource(f)), f.url);
    expect(page.procedure).toBeNull();
    expect(page.evidence.landmarks).toContain('#content_DVCTT_List li ×40');
  });
  it('a national detail URL with an empty page is unknown, with what was tried', () => {
    const page = recognizePage(
      parseHtml('<html><body><p>Đang tải…</p></body></html>'),
      'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1',
    );
    expect(page.pageKind).toBe('unknown');
    expect(page.evidence.tried).toEqual(expect.arrayContaining(['h1.main-title', '#popupChitietTTHC']));
  });
});

describe('snapshot for the generic reader', () => {
  it('drops personal rows, form values and scripts before anything leaves the page', () => {
    const f = FIXTURES.find((x) => x.file === 'thanhhoa/dossier.html')!;
    const html = sanitizedSnapshot(parseHtml(fixtureSource(f)));
    for (const s of f.forbidden!) expect(html).not.toContain(s);
    expect(html).toContain('000.00.12.H56-250701-0001');
    expect(html).toContain('Đăng ký khai sinh');
    const again = recognizePage(parseHtml(html), 'https://motcua.example.gov.vn/ho-so/1', { adapterId: 'generic' });
    expect(again.dossierCode).toBe('000.00.12.H56-250701-0001');
    expect(again.procedure?.code).toBe('1.001193');
  });
});
