import { hiddenByMarkup, textOf, type SiteAdapter } from '../kit/adapter';
import { acceptDossierCode, DOSSIER_CODE_IN_TEXT, fold, readLabelledControl } from '../kit/labels';
import type { RecognizedPage, RecognizedProcedure } from '../kit/page';

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
  label: 'Hệ thống Một cửa điện tử tỉnh Thanh Hóa',
  hosts: ['motcua.thanhhoa.gov.vn'],
  keepWatching: true,
  examples: [
    { url: 'https://motcua.thanhhoa.gov.vn/dvc/tiep-nhan-ho-so/moi-tiep-nhan', kind: 'procedure-list' },
    { url: 'https://motcua.thanhhoa.gov.vn/dvc/tiep-nhan-ho-so/cho-tiep-nhan-truc-tuyen', kind: 'procedure-list' },
    { url: 'https://motcua.thanhhoa.gov.vn/dvc/xu-ly-ho-so/dang-xu-ly', kind: 'procedure-list' },
    { url: 'https://motcua.thanhhoa.gov.vn/dvc/tra-ket-qua/cho-tra-ket-qua', kind: 'procedure-list' },
    { url: 'https://motcua.thanhhoa.gov.vn/dvc/theo-doi-ho-so/tat-ca', kind: 'procedure-list' },
    // Not procedure screens: the start page, log-in, a missing route.
    { url: 'https://motcua.thanhhoa.gov.vn/', kind: 'unknown' },
    { url: 'https://motcua.thanhhoa.gov.vn/dang-nhap', kind: 'unknown' },
    { url: 'https://motcua.thanhhoa.gov.vn/khong-ton-tai', kind: 'unknown' },
  ],

  matchUrl(url) {
    const route = `${url.pathname}${url.hash.replace(/^#/, '')}`.toLowerCase();
    if (/(^|\/)dvc\//.test(route)) return { kind: 'procedure-list', rule: 'one-stop-screen' };
    return { kind: 'unknown', rule: 'one-stop-other' };
  },

  readDom(doc, url, match): RecognizedPage {
    const base = { site: this.id, url: url.href };
    for (const modal of openModals(doc)) {
      const title = textOf(modal.querySelector('.ant-modal-title'));
      const folded = fold(title);
      if (DOSSIER_TITLE.test(folded)) {
        const dossierCode = DOSSIER_CODE_IN_TEXT.exec(title)?.[0] ?? acceptDossierCode(title.replace(/^\D*/, ''));
        const name = readLabelledControl(modal, ALLOWED_CONTROLS.dossierName);
        const procedure: RecognizedProcedure | null = name ? { name: name.value } : null;
        return {
          ...base,
          pageKind: 'dossier',
          procedure,
          ...(dossierCode ? { dossierCode } : {}),
          confidence: dossierCode && name ? 0.9 : 0.5,
          evidence: {
            urlRule: match.rule,
            landmarks: ['.ant-modal-title: Chi tiết hồ sơ', ...(name ? [`label[for]:${name.label}`] : [])],
            tried: [...(dossierCode ? [] : ['mã hồ sơ in the title']), ...(name ? [] : ['label[for]:Tên thủ tục'])],
          },
        };
      }
      if (INTAKE_TITLE.test(folded)) {
        // A filing starts here: one dossier, without its number yet.
        const name = readLabelledControl(modal, ALLOWED_CONTROLS.intakeName);
        const field = readLabelledControl(modal, ALLOWED_CONTROLS.intakeField);
        const procedure: RecognizedProcedure = {};
        if (name) procedure.name = name.value;
        if (field) procedure.field = field.value;
        return {
          ...base,
          pageKind: 'dossier',
          procedure: name ? procedure : null,
          confidence: name ? 0.8 : 0.4,
          evidence: {
            urlRule: match.rule,
            landmarks: ['.ant-modal-title: Tiếp nhận hồ sơ', ...[name, field].filter(Boolean).map((c) => `select:${c!.label}`)],
            tried: name ? [] : ['select:Chọn thủ tục'],
          },
        };
      }
    }
    if (match.kind === 'unknown') {
      return { ...base, pageKind: 'unknown', procedure: null, confidence: 0.2, evidence: { urlRule: match.rule, landmarks: [], tried: ['not a /dvc/ screen'] } };
    }
    const rows = doc.querySelectorAll('.ant-table-row, table tbody tr').length;
    return {
      ...base,
      pageKind: 'procedure-list',
      procedure: null,
      confidence: rows ? 0.85 : 0.6,
      evidence: { urlRule: match.rule, landmarks: rows ? [`table rows ×${rows}`] : [], tried: rows ? [] : ['.ant-table-row'] },
    };
  },
};
