import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { checklistLibrary } from '@/lib/checklist';
import type { ExportFilter } from '@/lib/export/filter';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { classifyError } from '@/lib/journal/journal';
import { durationText, timeLeft, type ImportProgress, type WorkerOutcome } from '@/lib/report/import-protocol';
import { importInWorker, type ImportRun } from '@/services/importer';
import type { Rate } from '@/lib/report/aggregate';
import { HANDOVER_TICKS, handoverAdvised } from '@/lib/report/load';
import { useReportEngine } from './useReportEngine';
import { catalog } from '@/lib/match/shipped';
import { exportChecks } from '@/lib/exchange/checks';
import { ExportControls } from './ExportControls';
import { ExportForCommand } from './ExportForCommand';
import { journalDb } from '@/services/journal';
import { RateChart } from './RateChart';
import { useLocale } from './settings';
import { conflictLine, outcomeLines } from '@/lib/report/outcome-text';

type T = (typeof STRINGS)['vi'];

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const day = (ms?: number) => (ms === undefined ? '—' : new Date(ms).toLocaleDateString('vi-VN'));

const SHOWN_CONFLICTS = 20;

function OutcomeView({ t, o, onChoose }: { t: T; o: WorkerOutcome; onChoose: (choice: 'keep' | 'replace') => void }) {
  const bad = o.status === 'rejected' || o.status === 'failed';
  const lines = outcomeLines(t, o);
  const conflicts = o.status === 'conflict' ? o.conflicts : o.status === 'imported' ? o.conflicts : [];
  return (
    <div data-testid="import-outcome" data-status={o.status} className={bad || o.status === 'conflict' ? 'error' : 'ok'} role={bad ? 'alert' : undefined}>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {conflicts.length > 0 && (
        <ul className="conflicts" data-testid="import-conflicts">
          {conflicts.slice(0, SHOWN_CONFLICTS).map((c, i) => (
            <li key={i}>{conflictLine(t, c)}</li>
          ))}
          {conflicts.length > SHOWN_CONFLICTS && <li>{format(t.import_more, { count: conflicts.length - SHOWN_CONFLICTS })}</li>}
        </ul>
      )}
      {o.status === 'conflict' && (
        <p className="buttons">
          <button type="button" data-testid="import-keep" onClick={() => onChoose('keep')}>{t.import_keep}</button>{' '}
          <button type="button" data-testid="import-replace" onClick={() => onChoose('replace')}>{t.import_replace}</button>
        </p>
      )}
    </div>
  );
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
  const [outcomes, setOutcomes] = useState<WorkerOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [stopped, setStopped] = useState<string[] | null>(null);
  const run = useRef<ImportRun | null>(null);
  // Bumped after an import: the engine reads the journal again.
  const [epoch, setEpoch] = useState(0);
  // Own and imported rows, read page by page into the columnar engine (lib/report/engine.ts):
  // a filter change re-aggregates typed arrays instead of re-reading every row.
  const { engine, importedChecks, loading, error: loadError } = useReportEngine(busy, epoch);
  if (loadError) throw loadError; // the error boundary says the data could not be opened
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const checks = useMemo(
    () => exportChecks(custom, importedChecks).map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets })),
    [custom, importedChecks, locale],
  );
  const report = useMemo(() => engine.report(filter, checks, catalog), [engine, filter, checks]);
  const { units, procedures } = useMemo(() => engine.choices(), [engine]);
  const size = engine.size;
  const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;

  // Files held back by a conflict wait here for the user's choice.
  const [held, setHeld] = useState<Map<string, File>>(new Map());
  /** Import on the worker (read, checked and written there); outcomes and progress arrive as they happen. */
  const importFiles = async (files: File[], choice?: 'keep' | 'replace', replaceAt?: number) => {
    setBusy(true);
    setStopped(null);
    setProgress(null);
    const results: WorkerOutcome[] = [];
    const job = importInWorker(
      files,
      {
        progress: setProgress,
        outcome: (o) => {
          results.push(o);
          if (replaceAt === undefined) setOutcomes([...results]);
        },
      },
      choice,
    );
    run.current = job;
    try {
      const end = await job.done;
      if (end.cancelled) setStopped(end.notDone);
    } catch (error) {
      results.push({ name: files[0]?.name ?? '', status: 'failed', error: classifyError(error) });
    }
    run.current = null;
    if (replaceAt !== undefined) setOutcomes((list) => list.map((x, i) => (i === replaceAt && results[0] ? results[0] : x)));
    else {
      setOutcomes(results);
      setHeld(new Map(files.filter((f) => results.some((o) => o.name === f.name && o.status === 'conflict')).map((f) => [f.name, f])));
    }
    setProgress(null);
    setBusy(false);
    setEpoch((n) => n + 1);
  };
  const onFiles = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    void importFiles(Array.from(list));
  };
  const choose = (index: number, choice: 'keep' | 'replace') => {
    const file = held.get(outcomes[index].name);
    if (file) void importFiles([file], choice, index);
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
          <input type="file" multiple accept=".json,application/json" data-testid="import-files" disabled={busy} onChange={(e) => onFiles(e.target.files)} />
        </label>
        {busy && (
          <div className="import-progress" data-testid="import-progress" role="status">
            <progress max={progress?.bytesTotal || 1} value={progress?.bytesDone ?? 0} />
            <p data-testid="import-progress-text">
              {progress
                ? format(t.scale_progress, { file: progress.file, files: progress.files, rows: progress.rows.toLocaleString('vi-VN'), left: durationText(timeLeft(progress), locale) })
                : t.scale_progressStart}
            </p>
            <button type="button" data-testid="import-cancel" onClick={() => run.current?.cancel()}>{t.scale_cancel}</button>
          </div>
        )}
        {stopped && (
          <div className="error" role="status" data-testid="import-stopped">
            <p>{t.scale_cancelled}</p>
            {stopped.map((name) => (
              <p key={name}>{format(t.scale_cancelledFile, { name })}</p>
            ))}
          </div>
        )}
        <div className="outcomes" aria-live="polite">
          {outcomes.map((o, i) => (
            <OutcomeView key={`${i}-${o.name}`} t={t} o={o} onChoose={(choice) => void choose(i, choice)} />
          ))}
        </div>
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
        {loading !== null && <p className="muted" role="status" data-testid="report-loading">{format(t.scale_loading, { rows: loading.toLocaleString('vi-VN') })}</p>}
        {loading === null && report.sessions === 0 && <p className="empty" data-testid="report-empty">{t.reportEmpty}</p>}
        {handoverAdvised(size.events) && (
          <p className="note" data-testid="report-handover">
            {format(t.scale_handover, { events: size.events.toLocaleString('vi-VN'), threshold: HANDOVER_TICKS.toLocaleString('vi-VN') })}
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
        <ExportControls t={t} locale={locale} source="report" filter={{ unit: filter.unit, procedureKey: filter.procedureKey, checkId: filter.checkId }} />
        <ExportForCommand t={t} locale={locale} />
      </section>
      <p className="muted small">{format(t.libraryNote, { count: checklistLibrary().checks.length })}</p>
    </main>
  );
}
