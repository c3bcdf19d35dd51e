import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { checklistLibrary } from '@/lib/checklist';
import { filterJournal, type ExportFilter } from '@/lib/export/filter';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { importExportFiles, type ImportOutcome } from '@/lib/exchange/import';
import { buildReport, type Rate } from '@/lib/report/aggregate';
import { catalog } from '@/lib/match/shipped';
import { exportChecks } from '@/lib/exchange/checks';
import { ExportControls } from './ExportControls';
import { journalDb } from '@/services/journal';
import { RateChart } from './RateChart';
import { useLocale } from './settings';

type T = (typeof STRINGS)['vi'];

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const day = (ms?: number) => (ms === undefined ? '—' : new Date(ms).toLocaleDateString('vi-VN'));

function outcomeText(t: T, o: ImportOutcome): string {
  switch (o.status) {
    case 'imported':
      return format(t.import_ok, { name: o.name, added: o.added, duplicates: o.duplicates });
    case 'already-imported':
      return format(t.import_already, { name: o.name });
    case 'failed':
      return format(t.import_failed, { name: o.name, error: o.error.message });
    case 'rejected': {
      const p = o.problem;
      const why =
        p.kind === 'not-json' ? t.import_notJson
        : p.kind === 'wrong-format' ? t.import_wrongFormat
        : p.kind === 'wrong-version' ? format(t.import_wrongVersion, { version: String(p.version) })
        : p.kind === 'checksum' ? t.import_checksum
        : format(t.import_invalid, { detail: p.detail });
      return `${o.name}: ${why}`;
    }
  }
}

function RateTable({ rates, t, caption, testId, withTarget }: { rates: Rate[]; t: T; caption: string; testId: string; withTarget?: boolean }) {
  return (
    <table className="rates" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t.col_done}</th>
          <th scope="col">{t.col_applicable}</th>
          <th scope="col">{t.col_rate}</th>
          {withTarget && <th scope="col">{t.col_target}</th>}
        </tr>
      </thead>
      <tbody>
        {rates.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{r.done}</td>
            <td>{r.applicable}</td>
            <td data-testid="rate">{pct(r.rate)}</td>
            {withTarget && (
              <td>
                {r.target ? (
                  <span title={r.target.statement}>
                    {r.target.value}% <span className="muted">({r.target.ref})</span>
                    {r.rate !== null && (r.rate * 100 >= r.target.value ? ` ✓ ${t.targetMet}` : ` ✗ ${t.targetMissed}`)}
                  </span>
                ) : (
                  '—'
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The supervisor's page: import staff exports, see completion against the plans' targets, export or print. */
export function ReportApp() {
  const locale: Locale = useLocale().value;
  const t = STRINGS[locale];
  const [filter, setFilter] = useState<ExportFilter>({});
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const sessions = useLiveQuery(() => journalDb.sessions.toArray(), [], []);
  const events = useLiveQuery(() => journalDb.events.toArray(), [], []);
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const checks = useMemo(() => exportChecks(custom).map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets })), [custom, locale]);
  const data = useMemo(() => filterJournal({ sessions, events }, filter), [sessions, events, filter]);
  const report = useMemo(() => buildReport(data.sessions, data.events, checks, catalog), [data, checks]);
  const units = [...new Set(sessions.map((s) => s.unit).filter(Boolean))].sort();
  const procedures = [...new Map(sessions.map((s) => [s.procedureKey, s.procedureName])).entries()];
  const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    setOutcomes(await importExportFiles(journalDb, files));
    setBusy(false);
  };

  const set = (patch: Partial<ExportFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <main className="panel report">
      <h1>{t.reportTitle}</h1>
      <section className="card no-print" aria-labelledby="import-title">
        <h2 id="import-title">{t.importTitle}</h2>
        <p className="muted">{t.importHelp}</p>
        <label className="file">
          {t.importChoose}
          <input type="file" multiple accept=".json,application/json" data-testid="import-files" disabled={busy} onChange={(e) => void onFiles(e.target.files)} />
        </label>
        <ul className="outcomes" aria-live="polite">
          {outcomes.map((o) => (
            <li key={o.name} data-testid="import-outcome" data-status={o.status} className={o.status === 'imported' || o.status === 'already-imported' ? 'ok' : 'error'} role={o.status === 'rejected' || o.status === 'failed' ? 'alert' : undefined}>
              {outcomeText(t, o)}
            </li>
          ))}
        </ul>
      </section>

      <section className="card no-print" aria-labelledby="filter-title">
        <h2 id="filter-title">{t.reportFilters}</h2>
        <div className="filters">
          <label>
            {t.from}
            <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
          </label>
          <label>
            {t.to}
            <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
          </label>
          <label>
            {t.col_unit}
            <select value={filter.unit ?? ''} onChange={(e) => set({ unit: e.target.value || undefined })}>
              <option value="">{t.all}</option>
              {units.map((u) => (
                <option key={u} value={u}>{unitName(u)}</option>
              ))}
            </select>
          </label>
          <label>
            {t.field_name}
            <select value={filter.procedureKey ?? ''} onChange={(e) => set({ procedureKey: e.target.value || undefined })}>
              <option value="">{t.all}</option>
              {procedures.map(([k, n]) => (
                <option key={k} value={k}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t.col_check}
            <select value={filter.checkId ?? ''} onChange={(e) => set({ checkId: e.target.value || undefined })}>
              <option value="">{t.all}</option>
              {checks.map((c) => (
                <option key={c.id} value={c.id}>{c.label}</option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={Boolean(filter.includeDemo)} onChange={(e) => set({ includeDemo: e.target.checked })} data-testid="report-demo" />
            {t.includeDemo}
          </label>
        </div>
        <button type="button" onClick={() => window.print()} data-testid="print">{t.print}</button>
      </section>

      <section className="card" aria-labelledby="totals-title" data-testid="report-totals">
        <h2 id="totals-title">{t.reportTotals}</h2>
        <dl className="procedure">
          <div><dt>{t.period}</dt><dd>{day(report.period.from)} – {day(report.period.to)}</dd></div>
          <div><dt>{t.col_staff}</dt><dd>{report.staff.join(', ') || '—'}</dd></div>
          <div><dt>{t.col_unit}</dt><dd>{report.units.map(unitName).join(', ') || '—'}</dd></div>
          <div><dt>{t.sessions}</dt><dd data-testid="total-sessions">{report.sessions}</dd></div>
          <div><dt>{t.events}</dt><dd data-testid="total-events">{report.events}</dd></div>
        </dl>
        {report.sessions === 0 && <p className="empty" data-testid="report-empty">{t.reportEmpty}</p>}
        {/* Training (issue 13): demo data, counted only when asked for, is said so (also in print). */}
        {data.events.some((e) => e.demo) && (
          <p className="note" data-testid="report-demo-included">
            {format(t.training_reportDemoIncluded, { sessions: new Set(data.events.filter((e) => e.demo).map((e) => e.sessionId)).size, events: data.events.filter((e) => e.demo).length })}
          </p>
        )}
      </section>

      {report.sessions > 0 && (
        <>
          <section className="card" aria-labelledby="by-check-title">
            <h2 id="by-check-title">{t.byCheck}</h2>
            <RateChart rates={report.byCheck} kind="bar" label={t.col_rate} targetLabel={t.col_target} title={t.byCheck} />
            <RateTable rates={report.byCheck} t={t} caption={t.col_check} testId="table-by-check" withTarget />
          </section>
          <section className="card" aria-labelledby="by-procedure-title">
            <h2 id="by-procedure-title">{t.byProcedure}</h2>
            <RateChart rates={report.byProcedure} kind="bar" label={t.col_rate} targetLabel={t.col_target} title={t.byProcedure} />
            <RateTable rates={report.byProcedure} t={t} caption={t.field_name} testId="table-by-procedure" />
          </section>
          <section className="card" aria-labelledby="by-unit-title">
            <h2 id="by-unit-title">{t.byUnit}</h2>
            <RateChart rates={report.byUnit.map((r) => ({ ...r, label: unitName(r.label) }))} kind="bar" label={t.col_rate} targetLabel={t.col_target} title={t.byUnit} />
            <RateTable rates={report.byUnit.map((r) => ({ ...r, label: unitName(r.label) }))} t={t} caption={t.col_unit} testId="table-by-unit" />
          </section>
          <section className="card" aria-labelledby="by-week-title">
            <h2 id="by-week-title">{t.byWeek}</h2>
            <RateChart rates={report.byWeek} kind="line" label={t.col_rate} targetLabel={t.col_target} title={t.byWeek} />
            <RateTable rates={report.byWeek} t={t} caption={t.week} testId="table-by-week" />
          </section>
        </>
      )}

      <section className="card no-print" aria-labelledby="report-export-title">
        <h2 id="report-export-title">{t.exportTitle}</h2>
        <ExportControls t={t} locale={locale} filter={{ unit: filter.unit, procedureKey: filter.procedureKey, checkId: filter.checkId }} />
      </section>
      <p className="muted small">{format(t.libraryNote, { count: checklistLibrary().checks.length })}</p>
    </main>
  );
}
