import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { checklistLibrary } from '@/lib/checklist';
import type { ExportFilter } from '@/lib/export/filter';
import { checksForReport } from '@/lib/export/labels';
import { checkRows } from '@/lib/export/valid';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import type { Rate } from '@/lib/report/aggregate';
import { classifyError } from '@/lib/journal/journal';
import { durationText, timeLeft, type ImportProgress, type WorkerOutcome } from '@/lib/report/import-protocol';
import { HANDOVER_TICKS, handoverAdvised } from '@/lib/report/load';
import { conflictLine, outcomeLines } from '@/lib/report/outcome-text';
import { importInWorker, type ImportRun } from '@/services/importer';
import { catalog } from '@/lib/match/shipped';
import { exportChecks } from '@/lib/exchange/checks';
import { officeLabel } from '@/lib/settings';
import { DEFAULT_ZONE, dayStartIn, displayDay, isoWeekMonday } from '@/lib/text/format';
import { ExportControls } from './ExportControls';
import { ExportForCommand } from './ExportForCommand';
import { useReportEngine } from './useReportEngine';
import { journalDb } from '@/services/journal';
import { RateChart } from './RateChart';
import { RateTable } from './report/RateTable';
import { ReportHeader, SignatureBlock } from './report/PrintHeader';
import { SectionBoundary } from './report/SectionBoundary';
import { useLocale, useProfile } from './settings';
import { readReportSource } from '@/lib/journal/report-source';

type T = (typeof STRINGS)['vi'];

const ZONE = DEFAULT_ZONE;

const SHOWN_CONFLICTS = 20;

// The outcome wording lives in lib/report/outcome-text.ts, shared with `da06 report`.

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

/** "23/11/2026" from a filter day "2026-11-23". */
const filterDay = (day: string, locale: Locale) => displayDay(dayStartIn(day, ZONE), locale, ZONE);

/** "Tuần 48/2026 (từ 23/11/2026)" for the key "2026-W48". */
function weekLabel(t: T, locale: Locale, key: string): string {
  const monday = isoWeekMonday(key);
  if (monday === undefined) return key;
  return format(t.rpt_weekOf, { week: `${key.slice(6)}/${key.slice(0, 4)}`, day: displayDay(monday, locale, 'UTC') });
}

/** The rows an export needs, read only when one is asked for (the page itself holds no row objects). */
async function loadRows() {
  const source = await readReportSource(journalDb);
  return { ...checkRows(source).data, importedChecks: source.importedChecks };
}

/** The supervisor's page: import staff exports, see completion against the plans' targets, export or print. */
export function ReportApp() {
  const locale: Locale = useLocale().value;
  const profile = useProfile().value;
  const t = STRINGS[locale];
  const [filter, setFilter] = useState<ExportFilter>({});
  const [outcomes, setOutcomes] = useState<WorkerOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [stopped, setStopped] = useState<string[] | null>(null);
  const run = useRef<ImportRun | null>(null);
  // Bumped after an import: the engine reads the journal again.
  const [epoch, setEpoch] = useState(0);
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  // Own and imported rows (lib/journal/report-source.ts's rows, checked on read: a malformed one is
  // counted and left out), read page by page into the columnar engine (lib/report/engine.ts): a filter
  // change re-aggregates typed arrays instead of re-reading and re-filtering every row.
  const { engine, importedChecks, loading, error: loadError } = useReportEngine(busy, epoch);
  if (loadError) throw loadError; // the error boundary says the data could not be opened
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const choices = useMemo(() => engine.choices(), [engine]);
  const { units, procedures } = choices;
  const checks = useMemo(
    () => checksForReport(
      exportChecks(custom, importedChecks).map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets })),
      [{ checkIds: choices.checkIds }],
      (id) => format(t.rpt_customUnknown, { id }),
    ),
    [custom, importedChecks, locale, choices, t],
  );
  // With a check chosen, the report speaks of that check only (the engine scopes the filings' check lists).
  const report = useMemo(() => engine.report(filter, checks, catalog, ZONE), [engine, filter, checks]);
  const size = engine.size;
  const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;
  const demoIncluded = Boolean(filter.includeDemo) && report.demoEvents > 0;
  const badRows = engine.bad.sessions + engine.bad.events;

  // The date printed is the moment of printing, not of opening the page.
  useEffect(() => {
    const stampNow = () => setPrintedAt(Date.now());
    window.addEventListener('beforeprint', stampNow);
    return () => window.removeEventListener('beforeprint', stampNow);
  }, []);

  const period = filter.from || filter.to
    ? `${filter.from ? filterDay(filter.from, locale) : '…'} – ${filter.to ? filterDay(filter.to, locale) : '…'}`
    : report.period.from !== undefined && report.period.to !== undefined
      ? `${displayDay(report.period.from, locale, ZONE)} – ${displayDay(report.period.to, locale, ZONE)}`
      : '—';
  const scopeSummary = [
    filter.from || filter.to ? period : t.rpt_allData,
    filter.unit ? `${t.col_unit}: ${unitName(filter.unit)}` : '',
    filter.procedureKey ? `${t.field_name}: ${procedures.find(([k]) => k === filter.procedureKey)?.[1] ?? filter.procedureKey}` : '',
    filter.checkId ? `${t.col_check}: ${checks.find((c) => c.id === filter.checkId)?.label ?? filter.checkId}` : '',
    filter.includeDemo ? t.includeDemo.toLowerCase() : '',
  ].filter(Boolean).join('; ');

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
          if (replaceAt === undefined) setOutcomes(results.slice());
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
  const sectionFailed = t.rpt_sectionFailed;
  const byUnit = report.byUnit.map((r) => ({ ...r, label: unitName(r.label) }));
  const byWeek = report.byWeek.map((r) => ({ ...r, label: weekLabel(t, locale, r.key) }));
  const rateSection = (id: string, title: string, rates: Rate[], kind: 'bar' | 'line', caption: string, testId: string, withTarget = false) => (
    <SectionBoundary name={title} message={sectionFailed} testId={id}>
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <SectionBoundary name={`${title} (${t.rpt_chart})`} message={sectionFailed} testId={`${id}-chart`}>
          <RateChart rates={rates} kind={kind} label={t.col_rate} targetLabel={t.col_target} title={title} locale={locale} />
        </SectionBoundary>
        <RateTable rates={rates} t={t} locale={locale} caption={caption} testId={testId} withTarget={withTarget} />
      </section>
    </SectionBoundary>
  );

  return (
    <main className="panel report">
      <ReportHeader t={t} locale={locale} office={officeLabel(profile, (id) => catalog.units.find((u) => u.id === id)?.name)} period={period} printedAt={printedAt} demo={demoIncluded} zone={ZONE} />
      {badRows > 0 && (
        <section className="card bad-rows" data-testid="bad-rows" aria-labelledby="bad-rows-title">
          <h2 id="bad-rows-title">{format(t.rpt_badRows, { count: badRows })}</h2>
          <p className="muted small">{format(t.rpt_badRowsDetail, { sessions: engine.bad.sessions, events: engine.bad.events })}</p>
        </section>
      )}
      <SectionBoundary name={t.importTitle} message={sectionFailed} testId="import">
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
      </SectionBoundary>

      <SectionBoundary name={t.reportFilters} message={sectionFailed} testId="filters">
      <section className="card no-print" aria-labelledby="filter-title">
        <h2 id="filter-title">{t.reportFilters}</h2>
        <div className="filters">
          <label>
            {t.from}
            <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} data-testid="report-from" />
          </label>
          <label>
            {t.to}
            <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} data-testid="report-to" />
          </label>
          <label>
            {t.col_unit}
            <select value={filter.unit ?? ''} onChange={(e) => set({ unit: e.target.value || undefined })} data-testid="report-unit">
              <option value="">{t.all}</option>
              {units.map((u) => (
                <option key={u} value={u}>{unitName(u)}</option>
              ))}
            </select>
          </label>
          <label>
            {t.field_name}
            <select value={filter.procedureKey ?? ''} onChange={(e) => set({ procedureKey: e.target.value || undefined })} data-testid="report-procedure">
              <option value="">{t.all}</option>
              {procedures.map(([k, n]) => (
                <option key={k} value={k}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t.col_check}
            <select value={filter.checkId ?? ''} onChange={(e) => set({ checkId: e.target.value || undefined })} data-testid="report-check">
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
        <button type="button" onClick={() => { setPrintedAt(Date.now()); window.print(); }} data-testid="print">{t.print}</button>
      </section>
      </SectionBoundary>

      <SectionBoundary name={t.reportTotals} message={sectionFailed} testId="totals">
      <section className="card" aria-labelledby="totals-title" data-testid="report-totals">
        <h2 id="totals-title">{t.reportTotals}</h2>
        <dl className="procedure">
          <div><dt>{t.period}</dt><dd>{period}</dd></div>
          <div><dt>{t.col_staff}</dt><dd>{report.staff.join(', ') || '—'}</dd></div>
          <div><dt>{t.col_unit}</dt><dd>{report.units.map(unitName).join(', ') || '—'}</dd></div>
          <div><dt>{t.sessions}</dt><dd data-testid="total-sessions">{report.sessions}</dd></div>
          <div><dt>{t.events}</dt><dd data-testid="total-events">{report.events}</dd></div>
        </dl>
        {loading !== null && <p className="muted" role="status" data-testid="report-loading">{format(t.scale_loading, { rows: loading.toLocaleString('vi-VN') })}</p>}
        {loading === null && report.sessions === 0 && <p className="empty" data-testid="report-empty">{t.reportEmpty}</p>}
        {/* Training (issue 13): demo data, counted only when asked for, is said so (also in print). */}
        {report.demoEvents > 0 && (
          <p className="note" data-testid="report-demo-included">
            {format(t.training_reportDemoIncluded, { sessions: report.demoSessions, events: report.demoEvents })}
          </p>
        )}
        {handoverAdvised(size.events) && (
          <p className="note no-print" data-testid="report-handover">
            {format(t.scale_handover, { events: size.events.toLocaleString('vi-VN'), threshold: HANDOVER_TICKS.toLocaleString('vi-VN') })}
          </p>
        )}
      </section>
      </SectionBoundary>

      {report.sessions > 0 && (
        <>
          {rateSection('by-check', t.byCheck, report.byCheck, 'bar', t.col_check, 'table-by-check', true)}
          {rateSection('by-procedure', t.byProcedure, report.byProcedure, 'bar', t.field_name, 'table-by-procedure')}
          {rateSection('by-unit', t.byUnit, byUnit, 'bar', t.col_unit, 'table-by-unit')}
          {rateSection('by-week', t.byWeek, byWeek, 'line', t.week, 'table-by-week')}
        </>
      )}

      <SignatureBlock t={t} />

      <SectionBoundary name={t.exportTitle} message={sectionFailed} testId="export">
      <section className="card no-print" aria-labelledby="report-export-title">
        <h2 id="report-export-title">{t.exportTitle}</h2>
        <ExportControls t={t} locale={locale} zone={ZONE} scope={{ filter, load: loadRows, checks, summary: scopeSummary }} />
        <ExportForCommand t={t} locale={locale} />
      </section>
      </SectionBoundary>
      <p className="muted small">{format(t.libraryNote, { count: checklistLibrary().checks.length })}</p>
    </main>
  );
}
