import { describe, expect, it } from 'vitest';
import { parseHtml } from '@/lib/recognize/node-dom';
import { recognizeWithAdapters } from '@/lib/recognize/adapters';
import { DEMO_DOSSIERS, DEMO_SCREENS, demoDocumentHtml } from '@/lib/training/screens';
import { getMatcher } from '@/lib/match/shipped';

/** The screen as the demo page shows it: the route's markup, optionally a modal in #modal-host. */
function docOf(html: string, modal?: string) {
  const doc = parseHtml(demoDocumentHtml(html));
  if (modal) doc.getElementById('modal-host')!.innerHTML = modal;
  return doc;
}

const PERSONAL = ['Người Dân Mẫu', '000000000001', '000000000002', '0900000000', 'example.invalid'];

describe('demo screens are recognized by the production adapters at their real addresses', () => {
  for (const screen of DEMO_SCREENS) {
    it(`${screen.id}: first route gives ${screen.expect.kind} ${screen.expect.code ?? ''}`, () => {
      const page = recognizeWithAdapters(docOf(screen.routes[0]!.html), screen.routes[0]!.url);
      expect(page?.site).toBe(screen.portal);
      expect(page?.pageKind).toBe(screen.expect.kind);
      if (screen.expect.code) expect(page?.procedure?.code).toBe(screen.expect.code);
      const text = JSON.stringify(page);
      for (const s of PERSONAL) expect(text).not.toContain(s);
    });
    screen.routes.slice(1).forEach((route, i) => {
      it(`${screen.id}: route ${i + 1} (${new URL(route.url).pathname}) is a step of the same procedure`, () => {
        const page = recognizeWithAdapters(docOf(route.html), route.url);
        expect(page?.site).toBe(screen.portal);
        expect(page?.procedure?.code ?? page?.procedure?.portalId).toBeTruthy();
        expect(JSON.stringify(page)).not.toContain('Người Dân Mẫu');
      });
    });
  }

  it('each dossier modal of the one-stop demo gives its dossier code and procedure, never the owner', () => {
    const screen = DEMO_SCREENS.find((s) => s.id === 'motcua-xu-ly')!;
    for (const d of DEMO_DOSSIERS) {
      const page = recognizeWithAdapters(docOf(screen.routes[0]!.html, screen.modals![d.code]), screen.routes[0]!.url);
      expect(page?.pageKind).toBe('dossier');
      expect(page?.dossierCode).toBe(d.code);
      expect(page?.procedure?.name).toBe(d.procedureName);
      for (const s of PERSONAL) expect(JSON.stringify(page)).not.toContain(s);
    }
  });

  it('the intake modal gives the chosen procedure and field', () => {
    const screen = DEMO_SCREENS.find((s) => s.id === 'motcua-tiep-nhan')!;
    const page = recognizeWithAdapters(docOf(screen.routes[0]!.html, screen.modals!.intake), screen.routes[0]!.url);
    expect(page?.procedure?.name).toBe('Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng');
    expect(page?.procedure?.field).toBe('Bảo trợ xã hội');
  });

  it('every demo procedure has specific plan items in the matcher (the panel has something to show)', () => {
    const m = getMatcher();
    const screen = DEMO_SCREENS.find((s) => s.id === 'motcua-xu-ly')!;
    const pages = [
      ...DEMO_SCREENS.filter((s) => s.expect.code).map((s) => recognizeWithAdapters(docOf(s.routes[0]!.html), s.routes[0]!.url)),
      ...DEMO_DOSSIERS.map((d) => recognizeWithAdapters(docOf(screen.routes[0]!.html, screen.modals![d.code]), screen.routes[0]!.url)),
    ];
    for (const page of pages) {
      const proc = page!.procedure!;
      const result = m.match({ code: proc.code, name: proc.name, field: proc.field, level: proc.level });
      expect(result.items.filter((i) => i.band === 'specific').length, proc.name ?? proc.code).toBeGreaterThan(0);
    }
  });
});
