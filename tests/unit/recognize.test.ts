import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFromUrl } from '../../lib/adapters/kit/adapter';
import { nationalCodeOf } from '../../lib/adapters/kit/labels';
import { PORTAL_HOST_PATTERNS, SUGGESTED_HOSTS } from '../../lib/adapters/hosts';
import { recognizePage, type KnownProcedureName } from '../../lib/recognize';
import { candidatesFor, recognizeWithAdapters, SITE_ADAPTERS } from '../../lib/recognize/adapters';
import { parseHtml } from '../../lib/recognize/node-dom';
import { RecognizedPageSchema } from '../../lib/recognize/schema';
import { sanitizedSnapshot } from '../../lib/recognize/snapshot';
import { knownNameFrom } from '../../lib/match/known-name';
import { getMatcher } from '../../lib/match/shipped';
import { readDirectory } from '../../scripts/directory-io';
import { adapterFolders, REGISTRY_FILE, renderRegistry } from '../../scripts/adapter-registry';
import { ADAPTERS_DIR, adapterExamples, FIXTURES, fixtureByFile, ROOT } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';

const PROCEDURE_KINDS = ['procedure-info', 'online-submission', 'dossier'];

/** As in the extension: the generic reader names a procedure after a title only when it is a known one (loaded on first use). */
let known: KnownProcedureName | undefined;
const knownName: KnownProcedureName = (title, hints) => (known ??= knownNameFrom(getMatcher(), readDirectory()))(title, hints);

/** Does this adapter claim the URL on its own (its hosts, or any host when it reads hand-off codes)? */
function claims(adapterId: string, url: string): boolean {
  return candidatesFor(new URL(url)).some((c) => c.adapter.id === adapterId);
}

describe('adapters: one folder each, registered from the folders', () => {
  it('the generated registry lists every folder, and each adapter is named after its folder', () => {
    expect(readFileSync(REGISTRY_FILE, 'utf8'), 'run `npm run catalog` to regenerate lib/adapters/registry.ts').toBe(renderRegistry(adapterFolders()));
    expect(SITE_ADAPTERS.map((a) => a.id)).toEqual(adapterFolders());
  });
  it('adapters never import the orchestration (no cycle): only their kit and lib/text', () => {
    for (const id of adapterFolders()) {
      const src = readFileSync(join(ADAPTERS_DIR, id, 'index.ts'), 'utf8');
      for (const [, from] of src.matchAll(/from '([^']+)'/g)) expect(from, `${id} imports ${from}`).toMatch(/^\.\.\/kit\//);
    }
    for (const file of ['adapter.ts', 'labels.ts', 'page.ts']) {
      const src = readFileSync(join(ADAPTERS_DIR, 'kit', file), 'utf8');
      for (const [, from] of src.matchAll(/from '([^']+)'/g)) expect(from, `kit/${file} imports ${from}`).toMatch(/^\.\/|^\.\.\/\.\.\/text\//);
    }
  });
  it('every adapter has positive and negative examples, and fixtures with expected results', () => {
    for (const a of SITE_ADAPTERS) {
      const positives = [...adapterExamples(a.id).map((e) => e.kind), ...FIXTURES.filter((f) => f.folder === a.id).map((f) => f.kind)];
      expect(positives.some((k) => k && PROCEDURE_KINDS.includes(k)), `${a.id} positives`).toBe(true);
      expect(adapterExamples(a.id).some((e) => !e.kind || !PROCEDURE_KINDS.includes(e.kind)), `${a.id} negatives`).toBe(true);
      expect(FIXTURES.some((f) => f.folder === a.id), `${a.id} fixtures`).toBe(true);
    }
  });
  it('host patterns for the manifest come from the adapters; ministries are offered, not owned', () => {
    expect(PORTAL_HOST_PATTERNS).toEqual(expect.arrayContaining(['https://dichvucong.gov.vn/*', 'https://thutuc.dichvucong.gov.vn/*', 'https://motcua.thanhhoa.gov.vn/*', 'https://lienthong.dichvucong.gov.vn/*']));
    expect(SUGGESTED_HOSTS.map((h) => h.host)).toEqual(expect.arrayContaining(['dichvucongnganhtuphap.moj.gov.vn', 'dvc.moc.gov.vn']));
    expect(PORTAL_HOST_PATTERNS.some((p) => p.includes('moj.gov.vn'))).toBe(false);
  });
});

describe('every adapter accepts its own positives, rejects its own negatives and every other adapter\'s examples', () => {
  for (const adapter of SITE_ADAPTERS) {
    for (const example of adapterExamples(adapter.id)) {
      it(`${adapter.id}: ${example.url} → ${example.kind ?? 'not mine'}`, () => {
        expect(adapter.matchUrl(new URL(example.url))?.kind ?? null).toBe(example.kind);
        if (adapter.hosts.length) expect(claims(adapter.id, example.url)).toBe(example.kind !== null);
      });
      it(`no other adapter claims ${example.url}`, () => {
        for (const other of SITE_ADAPTERS.filter((a) => a !== adapter)) {
          // The any-host reader answers on hosts nobody owns: there it may share an
          // example with an adapter that owns no host either (chosen in Options).
          if (other.anyHost && adapter.hosts.length === 0) continue;
          expect(claims(other.id, example.url), `${other.id} on ${example.url}`).toBe(false);
        }
      });
    }
  }
  it('no adapter claims unrelated or form-download pages', () => {
    for (const url of [
      'https://baochinhphu.vn/thoi-tiet.htm',
      'https://bieumau.dichvucong.gov.vn/bieumau/to-khai.docx',
      'https://dichvucong.thanhhoa.gov.vn/portaldvc/Photos/banner.png',
    ]) {
      expect(candidatesFor(new URL(url)), url).toEqual([]);
    }
  });
  it('a forced adapter (chosen in Options) reads only its own route shapes', () => {
    const igate = SITE_ADAPTERS.find((a) => a.id === 'vnpt-igate')!;
    expect(igate.matchUrl(new URL('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7'))).toBeNull();
    expect(igate.matchUrl(new URL('https://motcua.thanhhoa.gov.vn/dvc/xu-ly-ho-so/dang-xu-ly'))).toBeNull();
  });
});

describe('codes in URLs', () => {
  it('strips local and service suffixes, refuses look-alikes', () => {
    expect(nationalCodeOf('2.000815.000.00.00.H55')).toBe('2.000815');
    expect(nationalCodeOf('1.013229.01')).toBe('1.013229');
    expect(nationalCodeOf('1.000494.000.00.00.H29')).toBe('1.000494');
    expect(nationalCodeOf('1.004850A')).toBeUndefined();
    expect(nationalCodeOf('4.000123')).toBeUndefined();
    expect(nationalCodeOf('1.00123')).toBeUndefined();
  });
  it('reads MaTTHC, MaTTHCDP, MaDVC and maTTHC in any case, also in a hash route', () => {
    expect(codeFromUrl(new URL('https://x.gov.vn/a?MaTTHC=1.000894'))?.code).toBe('1.000894');
    expect(codeFromUrl(new URL('https://x.gov.vn/a?MaTTHCDP=2.000815.000.00.00.H55'))?.code).toBe('2.000815');
    expect(codeFromUrl(new URL('https://x.gov.vn/a?MaDVC=1.013229.01'))?.code).toBe('1.013229');
    expect(codeFromUrl(new URL('https://x.gov.vn/#/nop?maTTHC=1.001193'))?.code).toBe('1.001193');
    expect(codeFromUrl(new URL('https://x.gov.vn/a?MaTTHC=1.004850A'))).toBeUndefined();
    expect(codeFromUrl(new URL('https://x.gov.vn/a?MaCoQuanThucHien=H56.1'))).toBeUndefined();
  });
});

describe('fixtures', () => {
  for (const f of FIXTURES) {
    it(`${f.folder}: ${f.name}`, () => {
      const page = recognizePage(parseHtml(fixtureSource(f)), f.url, { ...(f.adapterId ? { adapterId: f.adapterId } : {}), knownName });
      expect(RecognizedPageSchema.parse(page)).toEqual(page);
      expect(page.site).toBe(f.site);
      const json = JSON.stringify(page);
      for (const s of f.forbidden ?? []) expect(json).not.toContain(s);
      // Late content is not there in a static parse except for the first paint.
      if (f.late) {
        expect(page.pageKind === 'unknown' || page.pageKind === f.kind).toBe(true);
        if (f.procedure?.portalId) expect(page.procedure?.portalId).toBe(f.procedure.portalId);
        expect(page.procedure?.code).toBeUndefined();
        expect(page.evidence.tried.length).toBeGreaterThan(0);
        return;
      }
      expect(page.pageKind).toBe(f.kind);
      expect(page.procedure).toEqual(f.procedure);
      expect(page.dossierCode).toBe(f.dossierCode);
      if (page.pageKind === 'unknown') expect(page.evidence.tried.length).toBeGreaterThan(0);
      else expect(page.evidence.landmarks.length + (page.evidence.urlRule ? 1 : 0)).toBeGreaterThan(0);
    });
  }
  it('a list page never claims one procedure', () => {
    const f = fixtureByFile('lib/adapters/national-old/fixtures/list.html');
    const page = recognizePage(parseHtml(fixtureSource(f)), f.url);
    expect(page.procedure).toBeNull();
    expect(page.evidence.landmarks).toContain('#content_DVCTT_List li ×40');
  });
  it('an old detail URL with an empty page is unknown, with what was tried', () => {
    const page = recognizePage(
      parseHtml('<html><body><p>Đang tải…</p></body></html>'),
      'https://thutuc.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1',
    );
    expect(page.pageKind).toBe('unknown');
    expect(page.evidence.tried).toEqual(expect.arrayContaining(['h1.main-title', '#popupChitietTTHC']));
  });
  it('the old "ngành dọc" page: the code comes from its script when the URL has none, never by running it', () => {
    const f = fixtureByFile('lib/adapters/national-old/fixtures/nganh-doc.html');
    const page = recognizePage(parseHtml(fixtureSource(f)), 'https://thutuc.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html');
    expect(page.procedure).toMatchObject({ code: '1.002755', name: 'Gia hạn tạm trú' });
    expect(page.evidence.landmarks).toContain('script:procedure_code');
  });
  it('the new portal: a side box that looks like a grid does not leak, and without the grid only the portalId stays', () => {
    const f = fixtureByFile('lib/adapters/national-spa/fixtures/detail.html');
    const html = fixtureSource(f).replace(/<div class="grid">[\s\S]*?<h4>Trình Tự/, '<h4>Trình Tự');
    const page = recognizePage(parseHtml(html), f.url);
    expect(page.procedure).toEqual({ portalId: f.procedure!.portalId, name: 'Đăng ký khai sinh' });
  });
  it('the one-stop modal: only the allow-listed "Tên thủ tục" control is read, whatever its position', () => {
    const f = fixtureByFile('lib/adapters/thanhhoa-motcua/fixtures/dossier-modal.html');
    // Move the owner's name control right before and after the procedure's: still never read.
    const page = recognizeWithAdapters(parseHtml(fixtureSource(f)), f.url)!;
    expect(page.procedure).toEqual({ name: 'Đăng ký khai sinh' });
    const renamed = fixtureSource(f).replace(/>Tên thủ tục</g, '>Tên chủ hồ sơ<');
    const without = recognizeWithAdapters(parseHtml(renamed), f.url)!;
    expect(without.procedure).toBeNull();
    expect(without.dossierCode).toBe('000.00.12.H56-250701-0001');
  });
});

describe('snapshot for the generic reader', () => {
  it('drops personal rows, form values and scripts before anything leaves the page', () => {
    // The owner's data held in form controls (the list's own visible text is the page's to show).
    const inControls: Record<string, string[]> = {
      'lib/adapters/thanhhoa-motcua/fixtures/dossier-modal.html': ['Trần Văn Cường', '038085009876', '0987654321', 'cuong.tran@example.vn', 'Lê Lợi'],
      'lib/adapters/thanhhoa-motcua/fixtures/intake-modal.html': ['038092001122', '0903111222', 'duc.hoang@example.vn', 'Đào Duy Từ', 'Mai Thị Hoa'],
      'lib/adapters/national-spa/fixtures/submit-form.html': ['Phạm Thị Hồng Nhung', '038190004321', 'Hoa Sữa', '0911222333', 'nhung.pham@example.vn'],
    };
    for (const [file, strings] of Object.entries(inControls)) {
      const html = sanitizedSnapshot(parseHtml(fixtureSource(fixtureByFile(file))));
      for (const s of strings) expect(html, `${file}: ${s}`).not.toContain(s);
    }
  });
  it('keeps what the generic reader needs', () => {
    const f = fixtureByFile('lib/adapters/national-old/fixtures/submission.html');
    const html = sanitizedSnapshot(parseHtml(fixtureSource(f)));
    for (const s of f.forbidden!) expect(html).not.toContain(s);
    const again = recognizePage(parseHtml(html), 'https://dichvucong.example.gov.vn/nop/1', { adapterId: 'generic' });
    expect(again.procedure?.code).toBe('1.001193');
    expect(again.procedure?.name).toBe('Đăng ký khai sinh');
  });
});

it('fixtures are read from the repository root', () => {
  expect(FIXTURES.length).toBeGreaterThan(30);
  for (const f of FIXTURES) if (!f.file.startsWith('generated:')) expect(() => readFileSync(join(ROOT, f.file))).not.toThrow();
});
