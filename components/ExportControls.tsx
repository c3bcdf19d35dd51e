import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { longRows, toCsv, wideRows, type CsvHeadings } from '@/lib/export/csv';
import { filterJournal, type ExportFilter } from '@/lib/export/filter';
import { exportChecks } from '@/lib/exchange/checks';
import { buildExportFile } from '@/lib/exchange/format';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import { classifyError } from '@/lib/journal/journal';
import { buildReport } from '@/lib/report/aggregate';
import { catalog } from '@/lib/match/shipped';
import { profileSetting } from '@/lib/settings';
import { journalDb } from '@/services/journal';
import { readReportSource } from '@/lib/journal/report-source';
import { officeLabel } from '@/lib/settings';

type T = (typeof STRINGS)['vi'];

export function csvHeadings(t: T): CsvHeadings {
  return {
    session: t.col_session, procedureCode: t.field_code, procedureName: t.field_name, dossierCode: t.field_dossierCode,
    staff: t.col_staff, unit: t.col_unit, created: t.col_created, demo: t.col_demo, eventId: t.col_eventId, time: t.col_time,
    check: t.col_check, state: t.col_state, note: t.col_note, done: t.state_done, na: t.state_na,
  };
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

interface Props {
  t: T;
  locale: Locale;
  /** Filters set by the page (the report page's unit/procedure/check choices). */
  filter?: ExportFilter;
  /** Offer "only this procedure" (the panel). */
  procedureKey?: string;
  /** "own": the officer's own journal (the panel); "report": own and imported data (the report page). */
  source?: 'own' | 'report';
}

/** CSV (per filing, per event), XLSX and JSON exports of the journal, with date range and demo filters. */
export function ExportControls({ t, locale, filter = {}, procedureKey, source = 'own' }: Props) {
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [includeDemo, setIncludeDemo] = useState(false);
  const [onlyThis, setOnlyThis] = useState(Boolean(procedureKey));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (kind: 'wide' | 'long' | 'xlsx' | 'json') => {
    try {
      const f: ExportFilter = {
        ...filter,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(onlyThis && procedureKey ? { procedureKey } : {}),
        includeDemo,
      };
      const all = source === 'report' ? await readReportSource(journalDb) : { sessions: await journalDb.sessions.toArray(), events: await journalDb.events.toArray(), importedChecks: [] };
      const data = filterJournal(all, f);
      const checks = exportChecks(custom, all.importedChecks);
      const label = (id: string) => checks.find((c) => c.id === id)?.label[locale] ?? id;
      const used = checks.filter((c) => data.sessions.some((s) => s.checkIds.includes(c.id)));
      const columns = used.map((c) => ({ id: c.id, label: c.label[locale] }));
      const h = csvHeadings(t);
      if (kind === 'wide') download(`da06-ho-so-${stamp()}.csv`, new Blob([toCsv(wideRows(data, columns, h))], { type: 'text/csv;charset=utf-8' }));
      if (kind === 'long') download(`da06-su-kien-${stamp()}.csv`, new Blob([toCsv(longRows(data, label, h))], { type: 'text/csv;charset=utf-8' }));
      if (kind === 'xlsx') {
        const report = buildReport(data.sessions, data.events, checks.map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets })), catalog);
        const summary: (string | number)[][] = [
          [t.col_check, t.col_done, t.col_applicable, t.col_rate, t.col_target],
          ...report.byCheck.map((r) => [r.label, r.done, r.applicable, r.rate === null ? '' : Math.round(r.rate * 1000) / 10, r.target ? `${r.target.value}% (${r.target.ref})` : '']),
        ];
        const { toXlsx } = await import('@/lib/export/xlsx'); // only when asked: the XLSX writer is large
        const blob = await toXlsx([
          { name: t.sheet_summary, rows: summary },
          { name: t.sheet_sessions, rows: wideRows(data, columns, h) },
          { name: t.sheet_events, rows: longRows(data, label, h) },
        ]);
        download(`da06-${stamp()}.xlsx`, blob);
      }
      if (kind === 'json') {
        const profile = await profileSetting.get(); // read when the file is made: never a not-yet-loaded profile
        const file = await buildExportFile(data, checks, { staff: profile.name, unit: officeLabel(profile, (id) => catalog.units.find((u) => u.id === id)?.name) }, f);
        download(`da06-${stamp()}.json`, new Blob([JSON.stringify(file)], { type: 'application/json' }));
      }
      setMessage({ error: false, text: format(t.exported, { sessions: data.sessions.length, events: data.events.length }) });
    } catch (error) {
      setMessage({ error: true, text: format(t.exportFailed, { error: classifyError(error).message }) });
    }
  };

  return (
    <div className="export" data-testid="export-controls">
      <div className="filters">
        <label>
          {t.from}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="export-from" />
        </label>
        <label>
          {t.to}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="export-to" />
        </label>
        {procedureKey && (
          <label className="check">
            <input type="checkbox" checked={onlyThis} onChange={(e) => setOnlyThis(e.target.checked)} />
            {t.onlyThisProcedure}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={includeDemo} onChange={(e) => setIncludeDemo(e.target.checked)} data-testid="export-demo" />
          {t.includeDemo}
        </label>
      </div>
      <div className="buttons">
        <button type="button" onClick={() => void run('wide')} data-testid="export-csv-wide">{t.export_csv_wide}</button>
        <button type="button" onClick={() => void run('long')} data-testid="export-csv-long">{t.export_csv_long}</button>
        <button type="button" onClick={() => void run('xlsx')} data-testid="export-xlsx">{t.export_xlsx}</button>
        <button type="button" onClick={() => void run('json')} data-testid="export-json">{t.export_json}</button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'} data-testid="export-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
