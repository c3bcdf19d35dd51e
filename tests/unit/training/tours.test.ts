import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalogJson from '@/lib/catalog/generated/catalog.json';
import type { Catalog } from '@/lib/catalog/schema';
import { parseHtml } from '@/lib/recognize/node-dom';
import { demoDocumentHtml, demoScreen } from '@/lib/training/screens';
import { findAnchor, refSource, TourSchema, unknownRefs } from '@/lib/training/tour';
import { TOUR_FILES, TOURS } from '@/lib/training/tours';

const catalog = catalogJson as unknown as Catalog;

describe('tours are data, checked against the catalog and their screens', () => {
  it('every file in tours/ is shipped (listed in lib/training/tours.ts) and validates', () => {
    const files = readdirSync('tours').filter((f) => f.endsWith('.json')).sort();
    expect([...TOUR_FILES].sort()).toEqual(files);
    expect(TOURS.length).toBe(files.length);
    expect(new Set(TOURS.map((t) => t.id)).size).toBe(TOURS.length);
  });

  for (const tour of TOURS) {
    it(`${tour.id}: every ref exists in the catalog, with a source line`, () => {
      expect(unknownRefs(catalog, tour)).toEqual([]);
      for (const ref of tour.steps.flatMap((s) => s.refs)) expect(refSource(catalog, ref)!.where).toMatch(/^seeds\/.+ dòng \d+/);
    });

    it(`${tour.id}: runs on a demo screen where every step's element is found`, () => {
      const screen = demoScreen(tour.screen);
      expect(screen, tour.screen).toBeDefined();
      let route = 0;
      let modal: string | undefined;
      for (const step of tour.steps) {
        if (step.route !== undefined) route = step.route;
        if (step.modal !== undefined) modal = step.modal;
        const doc = parseHtml(demoDocumentHtml(screen!.routes[route]!.html));
        if (modal) {
          expect(screen!.modals?.[modal], `${step.id}: modal ${modal}`).toBeDefined();
          doc.getElementById('modal-host')!.innerHTML = screen!.modals![modal]!;
        }
        expect(findAnchor(doc, step.anchor), `${tour.id}/${step.id}`).not.toBeNull();
      }
    });
  }

  it('the tours cover what issue 13 asks: the code, the papers, fees and payment, interlinked services, the dossier code', () => {
    const ids = TOURS.flatMap((t) => t.steps.map((s) => s.id));
    for (const id of ['ma-thu-tuc', 'thanh-phan-ho-so', 'le-phi', 'lien-thong', 'ma-ho-so']) expect(ids).toContain(id);
  });

  it('a ref the catalog does not have is reported (the check can fail)', () => {
    const broken = TourSchema.parse({ ...TOURS[0], steps: [{ ...TOURS[0]!.steps[0], refs: ['kh-tinh-2024#999'] }] });
    expect(unknownRefs(catalog, broken)).toEqual(['kh-tinh-2024#999']);
  });

  it('a label anchor finds the label’s row, also with a colon, and a missing one finds nothing', () => {
    const doc = parseHtml(demoDocumentHtml('<table><tbody><tr><td class="key"><b>Mã thủ tục:</b></td><td>1.001193</td></tr></tbody></table>'));
    expect(findAnchor(doc, { text: 'Mã thủ tục' })?.tagName.toUpperCase()).toBe('TR');
    expect(findAnchor(doc, { text: 'Phí, lệ phí' })).toBeNull();
    expect(findAnchor(doc, { selector: '[[bad', text: 'Mã thủ tục' })?.tagName.toUpperCase()).toBe('TR');
  });

  it('a tour file with an unknown field or no steps is refused', () => {
    expect(TourSchema.safeParse({ ...TOURS[0], extra: 1 }).success).toBe(false);
    expect(TourSchema.safeParse({ ...TOURS[0], steps: [] }).success).toBe(false);
    expect(TourSchema.safeParse({ ...TOURS[0], steps: [{ ...TOURS[0]!.steps[0], anchor: {} }] }).success).toBe(false);
  });
});

describe('tours over a real portal page', () => {
  it('are offered only for their sites, without the steps that need a demo route or modal', async () => {
    const { pageSteps, toursForSite } = await import('@/lib/training/tour');
    expect(toursForSite(TOURS, 'national-spa').map((t) => t.id).sort()).toEqual(['cu-tru-thuong-tru', 'khai-sinh-cong-quoc-gia']);
    expect(toursForSite(TOURS, 'thanhhoa-motcua')).toEqual([]);
    expect(toursForSite(TOURS, undefined)).toEqual([]);
    const ks = TOURS.find((t) => t.id === 'khai-sinh-cong-quoc-gia')!;
    expect(pageSteps(ks).map((s) => s.id)).toEqual(['ma-thu-tuc', 'thanh-phan-ho-so', 'le-phi', 'lien-thong']);
  });

  it('every step a real page may show has a label text to find (no demo-only selector alone)', () => {
    for (const tour of TOURS.filter((t) => t.sites?.length)) for (const s of tour.steps.filter((x) => x.route === undefined && x.modal === undefined)) expect(s.anchor.text, `${tour.id}/${s.id}`).toBeTruthy();
  });
});
