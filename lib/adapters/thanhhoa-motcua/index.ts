import { compact, hiddenByMarkup, pageOf, textOf, Trail, type SiteAdapter } from '../kit/adapter';
import { acceptDossierCode, DOSSIER_CODE_IN_TEXT, fold, readLabelledControl } from '../kit/labels';
import type { RecognizedPage } from '../kit/page';

/*
 * Thanh Hóa's staff one-stop system, "Hệ thống Một cửa điện tử"
 * (motcua.thanhhoa.gov.vn, React + antd, routes under /dvc/…; portals.md §4).
 * A dossier has no URL of its own: it opens as an antd modal "Chi tiết hồ sơ
 * <mã hồ sơ>" over a list, its values in DISABLED form controls; a filing
 * starts in the "Tiếp nhận hồ sơ" modal with a "Chọn thủ tục" select.
 *
 * Privacy: the same form holds the owner's name, ID number, phone, email,
 * address and the dossier's "Nội dung hồ sơ". Nothing here walks the form:
 * only the controls whose visible label is on the allow-list below are read,
 * one by one, through their label; the modal title gives the mã hồ sơ.
 */

/** The only labelled controls ever read (folded label text). */
export const ALLOWED_CONTROLS = { dossierName: ['ten thu tuc'], intakeName: ['chon thu tuc'], intakeField: ['chon linh vuc'] } as const;

const DOSSIER_TITLE = /^chi tiet ho so\b/;
const INTAKE_TITLE = /^tiep nhan ho so\b/;

/** Open antd modals (a closed one stays in the DOM with display: none). */
function openModals(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('.ant-modal')).filter((m) => !hiddenByMarkup(m));
}

export const adapter: SiteAdapter = {
  id: 'thanhhoa-motcua',
  hosts: ['motcua.thanhhoa.gov.vn'],
  keepWatching: true,

  matchUrl(url) {
    const route = `${url.pathname}${url.hash.replace(/^#/, '')}`.toLowerCase();
    if (/(^|\/)dvc\//.test(route)) return { kind: 'procedure-list', rule: 'one-stop-screen' };
    return { kind: 'unknown', rule: 'one-stop-other' };
  },

  readDom(doc, url, match): RecognizedPage {
    for (const modal of openModals(doc)) {
      const title = textOf(modal.querySelector('.ant-modal-title'));
      const folded = fold(title);
      const intake = INTAKE_TITLE.test(folded);
      if (!intake && !DOSSIER_TITLE.test(folded)) continue;
      // The dossier modal: mã hồ sơ from its title, the procedure from "Tên thủ tục".
      // The intake modal: a filing starts, without its number yet; the chosen "Chọn thủ tục".
      const trail = new Trail();
      const dossierCode = intake ? undefined : trail.see('title: mã hồ sơ', DOSSIER_CODE_IN_TEXT.exec(title)?.[0] ?? acceptDossierCode(title.replace(/^\D*/, '')));
      const name = trail.see('label[for]', readLabelledControl(modal, intake ? ALLOWED_CONTROLS.intakeName : ALLOWED_CONTROLS.dossierName));
      const field = intake ? readLabelledControl(modal, ALLOWED_CONTROLS.intakeField) : undefined;
      const procedure = compact({ name: name?.value, field: field?.value });
      return pageOf(this.id, url, match, 'dossier', name ? procedure : null, name ? 0.85 : 0.4, trail.landmarks, trail.tried, dossierCode);
    }
    if (match.kind === 'unknown') return pageOf(this.id, url, match, 'unknown', null, 0.2, [], ['not a /dvc/ screen']);
    const rows = doc.querySelectorAll('.ant-table-row, table tbody tr').length;
    return pageOf(this.id, url, match, 'procedure-list', null, rows ? 0.85 : 0.6, [`table rows ×${rows}`]);
  },
};
