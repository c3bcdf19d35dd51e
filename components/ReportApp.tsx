import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { checklistLibrary } from '@/lib/checklist';
import { filterJournal, narrowToCheck, type ExportFilter } from '@/lib/export/filter';
import { checksForReport } from '@/lib/export/labels';
import { checkRows } from '@/lib/export/valid';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { importExportFiles, type Conflict, type ImportOutcome } from '@/lib/exchange/import';
import type { ParseProblem } from '@/lib/exchange/format';
import { buildReport, type Rate } from '@/lib/report/aggregate';
import { catalog } from '@/lib/match/shipped';
import { exportChecks } from '@/lib/exchange/checks';
import { officeLabel } from '@/lib/settings';
import { DEFAULT_ZONE, dayStartIn, displayDay, isoWeekMonday } from '@/lib/text/format';
import { ExportControls } from './ExportControls';
import { journalDb } from '@/services/journal';
import { RateChart } from './RateChart';
import { RateTable } from './report/RateTable';
import { ReportHeader, SignatureBlock } from './report/PrintHeader';
import { SectionBoundary } from './report/SectionBoundary';
import { useLocale, useProfile } from './settings';
import { readReportSource, type ReportSource } from '@/lib/journal/report-source';

const EMPTY_SOURCE: ReportSource = { sessions: [], events: [], importedChecks: [] };

type T = (typeof STRINGS)['vi'];

const ZONE = DEFAULT_ZONE;

const SHOWN_CONFLICTS = 20;

function rejectionText(t: T, p: ParseProblem): string {
  switch (p.kind) {
    case 'not-json': return t.import_notJson;
    case 'spreadsheet': return t.import_spreadsheet;
    case 'wrong-format': return t.import_wrongFormat;
    case 'wrong-version': return format(t.import_wrongVersion, { version: String(p.version) });
    case 'checksum': return t.import_checksum;
    case 'time': return format(t.import_time, { field: p.field, value: p.value, latest: new Date(p.latest).toLocaleString('vi-VN') });
    case 'invalid': return format(t.import_invalid, { detail: p.detail });
  }
}

/** What an import did, in sentences: what was added, what was skipped and why. */
function outcomeLines(t: T, o: ImportOutcome): string[] {
  switch (o.status) {
    case 'imported': {
      const lines = [format(t.import_ok, { name: o.name, added: o.added, sessions: o.sessions })];
      if (o.duplicates) lines.push(format(t.import_dupes, { count: o.duplicates }));
      if (o.sessionsMerged) lines.push(format(t.import_merged, { count: o.sessionsMerged }));
      if (o.sessionsKnown) lines.push(format(t.import_known, { count: o.sessionsKnown }));
      if (o.checksAdded) lines.push(format(t.import_checks, { count: o.checksAdded }));
      if (o.conflicts.length) lines.push(format(o.choice === 'replace' ? t.import_replaced : t.import_kept, { count: o.conflicts.length }));
      if (o.orphans.length) lines.push(format(t.import_orphans, { count: o.orphans.length, where: o.orphans.slice(0, 5).join(', ') + (o.orphans.length > 5 ? ', …' : '') }));
      if (o.unknownChecks.length) lines.push(format(t.import_unknownChecks, { count: o.unknownChecks.length, ids: o.unknownChecks.slice(0, 10).join(', ') + (o.unknownChecks.length > 10 ? ', …' : '') }));
      return lines;
    }
    case 'conflict':
      return [format(t.import_conflict, { name: o.name, count: o.conflicts.length })];
    case 'already-imported':
      return [format(t.import_already, { name: o.name })];
    case 'failed':
      return [format(t.import_failed, { name: o.name, error: o.error.message })];
    case 'rejected':
      return [`${o.name}: ${rejectionText(t, o.problem)}`];
  }
}

function conflictLine(t: T, c: Conflict): string {
  const against = c.against === 'file' ? t.import_against_file : c.against === 'own' ? t.import_against_own : t.import_against_imported;
  return format(t.import_conflictLine, { where: c.position, id: c.id, fields: c.fields.join(', '), against });
}

function OutcomeView({ t, o, onChoose }: { t: T; o: ImportOutcome; onChoose: (choice: 'keep' | 'replace') => void }) {
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

/** The supervisor's page: import staff exports, see completion against the plans' targets, export or print. */
export function ReportApp() {
  const locale: Locale = useLocale().value;
  const profile = useProfile().value;
  const t = STRINGS[locale];
  const [filter, setFilter] = useState<ExportFilter>({});
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  // Own and imported rows through the one read API (lib/journal/report-source.ts).
  const source = useLiveQuery(() => readReportSource(journalDb), [], EMPTY_SOURCE);
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  // Rows are checked on read: a malformed one is counted and left out, never fatal to the page.
  const rows = useMemo(() => checkRows(source), [source]);
  const { sessions, events } = rows.data;
  const checks = useMemo(
    () => checksForReport(
      exportChecks(custom, source.importedChecks).map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets })),
      sessions,
      (id) => format(t.rpt_customUnknown, { id }),
    ),
    [custom, source.importedChecks, locale, sessions, t],
  );
  const data = useMemo(() => filterJournal({ sessions, events }, filter, ZONE), [sessions, events, filter]);
  const report = useMemo(() => {
    const scoped = narrowToCheck(data, filter.checkId); // with a check chosen, the report speaks of that check only
    return buildReport(scoped.sessions, scoped.events, checks, catalog);
  }, [data, checks, filter.checkId]);
  const units = [...new Set(sessions.map((s) => s.unit).filter(Boolean))].sort();
  const procedures = [...new Map(sessions.map((s) => [s.procedureKey, s.procedureName])).entries()];
  const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;
  const demoIncluded = Boolean(filter.includeDemo) && (data.sessions.some((s) => s.demo) || data.events.some((e) => e.demo));
  const badRows = rows.bad.sessions + rows.bad.events;

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
  const [held, setHeld] = useState<Map<string, string>>(new Map());
  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    const result = await importExportFiles(journalDb, files);
    setHeld(new Map(files.filter((f, i) => result[i].status === 'conflict').map((f) => [f.name, f.text])));
    setOutcomes(result);
    setBusy(false);
  };
  const choose = async (index: number, choice: 'keep' | 'replace') => {
    const o = outcomes[index];
    const text = held.get(o.name);
    if (text === undefined) return;
    setBusy(true);
    const [again] = await importExportFiles(journalDb, [{ name: o.name, text }], { choice });
    setOutcomes((list) => list.map((x, i) => (i === index ? again : x)));
    setBusy(false);
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
          <p className="muted small">{format(t.rpt_badRowsDetail, { sessions: rows.bad.sessions, events: rows.bad.events })}</p>
        </section>
      )}
      <SectionBoundary name={t.importTitle} message={sectionFailed} testId="import">
      <section className="card no-print" aria-labelledby="import-title">
        <h2 id="import-title">{t.importTitle}</h2>
        <p className="muted">{t.importHelp}</p>
        <label className="file">
          {t.importChoose}
          <input type="file" multiple accept=".json,application/json" data-testid="import-files" disabled={busy} onChange={(e) => void onFiles(e.target.files)} />
        </label>
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
        {report.sessions === 0 && <p className="empty" data-testid="report-empty">{t.reportEmpty}</p>}
        {/* Training (issue 13): demo data, counted only when asked for, is said so (also in print). */}
        {data.events.some((e) => e.demo) && (
          <p className="note" data-testid="report-demo-included">
            {format(t.training_reportDemoIncluded, { sessions: new Set(data.events.filter((e) => e.demo).map((e) => e.sessionId)).size, events: data.events.filter((e) => e.demo).length })}
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
        <ExportControls t={t} locale={locale} zone={ZONE} scope={{ filter, load: () => ({ ...rows.data, importedChecks: source.importedChecks }), checks, summary: scopeSummary }} />
      </section>
      </SectionBoundary>
      <p className="muted small">{format(t.libraryNote, { count: checklistLibrary().checks.length })}</p>
    </main>
  );
}
