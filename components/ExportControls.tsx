import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { longRows, toCsv, wideRows } from '@/lib/export/csv';
import { csvHeadings } from '@/lib/export/headings';
import { filterJournal, narrowToCheck, type ExportFilter, type JournalData } from '@/lib/export/filter';
import { judge } from '@/lib/export/judge';
import type { CheckDefinition } from '@/lib/export/labels';
import { exportChecks } from '@/lib/exchange/checks';
import { buildExportFile } from '@/lib/exchange/format';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import type { ImportedCheck } from '@/lib/journal/db';
import { classifyError } from '@/lib/journal/journal';
import { buildReport } from '@/lib/report/aggregate';
import { catalog } from '@/lib/match/shipped';
import { profileSetting } from '@/lib/settings';
import { DEFAULT_ZONE, localDay } from '@/lib/text/format';
import { journalDb } from '@/services/journal';
import { officeLabel } from '@/lib/settings';

type T = (typeof STRINGS)['vi'];

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

/** Today's date in the report's zone, for file names (not UTC: at 06:00 in Hà Nội it is already today). */
const stamp = (zone: string) => localDay(Date.now(), zone);

/** Rows for an export, and the custom checks imported files defined. */
export interface ScopeData extends JournalData {
  importedChecks?: ImportedCheck[];
}

/** The report page's own scope: its filter, its rows and its check wording; the exports follow it exactly. */
export interface ExportScope {
  filter: ExportFilter;
  /** The rows the page shows (own and imported, validated), before filtering, with imported custom-check definitions. */
  load: () => ScopeData | Promise<ScopeData>;
  /** Every check the data mentions, with its wording. */
  checks: CheckDefinition[];
  /** The filter in words ("01/11/2026 – 30/11/2026, gồm dữ liệu demo"). */
  summary: string;
}

interface Props {
  t: T;
  locale: Locale;
  /** On the report page: export what the page shows, with its filter (no filters of its own). */
  scope?: ExportScope;
  /** Offer "only this procedure" (the panel). */
  procedureKey?: string;
  zone?: string;
}

/** CSV (per filing, per event), XLSX and JSON exports of the journal. */
export function ExportControls({ t, locale, scope, procedureKey, zone = DEFAULT_ZONE }: Props) {
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [includeDemo, setIncludeDemo] = useState(false);
  const [onlyThis, setOnlyThis] = useState(Boolean(procedureKey));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (kind: 'wide' | 'long' | 'xlsx' | 'json') => {
    try {
      const f: ExportFilter = scope
        ? scope.filter
        : { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(onlyThis && procedureKey ? { procedureKey } : {}), includeDemo };
      const all = scope ? await scope.load() : { sessions: await journalDb.sessions.toArray(), events: await journalDb.events.toArray(), importedChecks: [] };
      const data = narrowToCheck(filterJournal(all, f, zone), f.checkId);
      const defs = exportChecks(custom, all.importedChecks ?? []); // imported custom checks keep their wording on re-export
      const checks: CheckDefinition[] = scope?.checks ?? defs.map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets }));
      const labels = new Map(checks.map((c) => [c.id, c.label]));
      const label = (id: string) => labels.get(id) ?? format(t.rpt_customUnknown, { id });
      const usedIds = new Set<string>();
      for (const s of data.sessions) for (const id of s.checkIds) usedIds.add(id);
      const columns = checks.filter((c) => usedIds.has(c.id)).map((c) => ({ id: c.id, label: c.label }));
      const h = csvHeadings(locale);
      const csvType = 'text/csv;charset=utf-8';
      if (kind === 'wide') download(`da06-ho-so-${stamp(zone)}.csv`, new Blob([toCsv(wideRows(data, columns, h, { zone }))], { type: csvType }));
      if (kind === 'long') download(`da06-su-kien-${stamp(zone)}.csv`, new Blob([toCsv(longRows(data, label, h, { zone }))], { type: csvType }));
      if (kind === 'xlsx') {
        const report = buildReport(data.sessions, data.events, checks, catalog);
        const verdictWord = { met: t.targetMet, missed: t.targetMissed, 'too-few': t.rpt_tooFew, 'no-target': '', 'no-data': '' } as const;
        const summary: (string | number)[][] = [
          [t.col_check, t.col_done, t.col_applicable, t.col_rate, t.col_target, ''],
          ...report.byCheck.map((r) => [
            r.label, r.done, r.applicable, r.rate === null ? '' : Math.round(r.rate * 1000) / 10,
            r.target ? `${r.target.value}% (${r.target.ref})` : '', verdictWord[judge(r)],
          ]),
        ];
        const { toXlsx } = await import('@/lib/export/xlsx'); // only when asked: the XLSX writer is large
        const blob = await toXlsx([
          { name: t.sheet_summary, rows: summary },
          { name: t.sheet_sessions, rows: wideRows(data, columns, h, { zone }) },
          { name: t.sheet_events, rows: longRows(data, label, h, { zone }) },
        ]);
        download(`da06-${stamp(zone)}.xlsx`, blob);
      }
      if (kind === 'json') {
        const profile = await profileSetting.get(); // read when the file is made: never a not-yet-loaded profile
        const file = await buildExportFile(data, defs, { staff: profile.name, unit: officeLabel(profile, (id) => catalog.units.find((u) => u.id === id)?.name) }, f);
        download(`da06-${stamp(zone)}.json`, new Blob([JSON.stringify(file)], { type: 'application/json' }));
      }
      setMessage({ error: false, text: format(t.exported, { sessions: data.sessions.length, events: data.events.length }) });
    } catch (error) {
      setMessage({ error: true, text: format(t.exportFailed, { error: classifyError(error).message }) });
    }
  };

  return (
    <div className="export" data-testid="export-controls">
      {scope ? (
        <p className="muted" data-testid="export-scope">{format(t.rpt_exportFollows, { summary: scope.summary })}</p>
      ) : (
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
      )}
      <div className="buttons">
        <button type="button" onClick={() => void run('xlsx')} data-testid="export-xlsx">{t.export_xlsx}</button>
        <button type="button" onClick={() => void run('wide')} data-testid="export-csv-wide">{t.export_csv_wide}</button>
        <button type="button" onClick={() => void run('long')} data-testid="export-csv-long">{t.export_csv_long}</button>
        <button type="button" onClick={() => void run('json')} data-testid="export-json">{t.export_json}</button>
      </div>
      <p className="muted small">{t.rpt_csvHint}</p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'} data-testid="export-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
