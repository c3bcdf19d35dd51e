import { STRINGS, type Locale } from '../i18n';
import type { CsvHeadings } from './csv';

/** Column headings and state words of the CSV/XLSX exports in the UI's language (Vietnamese first). */
export function csvHeadings(locale: Locale): CsvHeadings {
  const t = STRINGS[locale];
  return {
    session: t.col_session, procedureCode: t.field_code, procedureName: t.field_name, dossierCode: t.field_dossierCode,
    staff: t.col_staff, unit: t.col_unit, created: t.col_created, demo: t.col_demo, eventId: t.col_eventId, time: t.col_time,
    check: t.col_check, state: t.col_state, note: t.col_note, done: t.state_done, na: t.state_na,
    cleared: t.rpt_state_cleared, yes: t.rpt_yes,
  };
}
