import { compact, codeFromUrl, pageOf, param, procedureFromLabels, scoreOf, textOf, Trail, type SiteAdapter, type UrlMatch } from '../kit/adapter';
import { acceptDossierCode } from '../kit/labels';
import { NATIONAL_CODE_IN_TEXT, type RecognizedPage } from '../kit/page';

/*
 * Thanh Hóa's public portal — dichvucong.thanhhoa.gov.vn (React routes under
 * /portaldvc/, portals.md §4) and the service centre hcc.thanhhoa.gov.vn
 * (older ASP.NET pages, still linked). One procedure is
 * /portaldvc/danh-muc-tthc?MaThuTuc=<code> (the same route without it is the
 * list); a filing starts at nop-ho-so-truc-tuyen?maTTHC= or arrives from the
 * national portal at KenhTin/dich-vu-cong-nop-ho-so-dvc-quoc-gia?MaTTHCDP=.
 * Labels are `td.key > b` cells ending in a colon.
 */

const PORTAL = '/portaldvc/';

export const adapter: SiteAdapter = {
  id: 'thanhhoa-portal',
  hosts: ['dichvucong.thanhhoa.gov.vn', 'hcc.thanhhoa.gov.vn'],

  matchUrl(url) {
    const path = url.pathname.toLowerCase();
    if (!path.startsWith(PORTAL) || path.startsWith('/portaldvc/photos/')) return null;
    const page = path.slice(PORTAL.length).replace(/\/+$/, '');
    const mahoso = param(url, 'mahoso') ?? param(url, 'mahs');
    if (mahoso) {
      const dossierCode = acceptDossierCode(mahoso);
      return { kind: 'dossier', rule: 'dossier-by-mahoso', ...(dossierCode ? { dossierCode } : {}) };
    }
    const code = codeFromUrl(url)?.code;
    const withCode = (m: UrlMatch): UrlMatch => (code ? { ...m, code } : m);
    if (page === 'danh-muc-tthc') return code ? { kind: 'procedure-info', rule: 'procedure-by-code', code } : { kind: 'procedure-list', rule: 'procedure-list' };
    if (page === 'nop-ho-so-truc-tuyen') return withCode({ kind: 'online-submission', rule: 'submission' });
    if (page === 'kenhtin/dich-vu-cong-nop-ho-so-dvc-quoc-gia') return withCode({ kind: 'online-submission', rule: 'national-handoff' });
    if (page.startsWith('kenhtin/dich-vu-cong-truc-tuyen')) {
      return code ? { kind: 'procedure-info', rule: 'old-procedure-by-code', code } : { kind: 'procedure-list', rule: 'old-procedure-list' };
    }
    // Home, look-up, payment and news pages: read only if their labels name a procedure.
    return { kind: 'unknown', rule: 'portal-page' };
  },

  readDom(doc, url, match): RecognizedPage | null {
    const trail = new Trail();
    const root = trail.see('.chi-tiet-thu-tuc-dvcqg', doc.querySelector('.chi-tiet-thu-tuc-dvcqg')) ?? doc.body ?? doc;
    const { procedure, dossierCode, hits } = procedureFromLabels(root);
    for (const h of hits) trail.landmarks.push(`label:${h.label}`);
    if (match.code) procedure.code = match.code;
    const title = trail.see('.main-title h2', textOf(doc.querySelector('.main-title h2')));
    if (title && (match.kind === 'procedure-info' || !procedure.name)) procedure.name = title;
    const result = (kind: RecognizedPage['pageKind'], p: RecognizedPage['procedure'], confidence: number, dossier?: string) =>
      pageOf(this.id, url, match, kind, p, confidence, trail.landmarks, trail.tried, dossier);
    if (match.kind === 'procedure-list') return result('procedure-list', null, 0.8);
    const found = compact(procedure);
    const dossier = trail.see('label:Mã hồ sơ', dossierCode ?? match.dossierCode);
    if (match.kind === 'dossier' || dossier) return result('dossier', found, scoreOf(found, hits.length), dossier);
    if (match.kind === 'unknown') {
      const codes = new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT)).size;
      if (codes > 3) return result('procedure-list', null, 0.7);
      // Not a procedure route: only labelled procedure facts make it one; else the generic reader may try.
      return found?.code && hits.length ? result('procedure-info', found, scoreOf(found, hits.length, false)) : null;
    }
    if (!found?.code && !found?.name) return match.kind === 'procedure-info' ? result('unknown', null, 0.1) : null;
    return result(match.kind, found, scoreOf(found, hits.length));
  },
};
