import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { checklistLibrary } from '@/lib/checklist';
import { filterJournal, type ExportFilter } from '@/lib/export/filter';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { importExportFiles, type Conflict, type ImportOutcome } from '@/lib/exchange/import';
import type { ParseProblem } from '@/lib/exchange/format';
import { buildReport, type Rate } from '@/lib/report/aggregate';
import { catalog } from '@/lib/match/shipped';
import { exportChecks } from '@/lib/exchange/checks';
import { ExportControls } from './ExportControls';
import { journalDb } from '@/services/journal';
import { RateChart } from './RateChart';
import { useLocale } from './settings';
import { readReportSource, type ReportSource } from '@/lib/journal/report-source';

const EMPTY_SOURCE: ReportSource = { sessions: [], events: [], importedChecks: [] };

type T = (typeof STRINGS)['vi'];

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const day = (ms?: number) => (ms === undefined ? '—' : new Date(ms).toLocaleDateString('vi-VN'));

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
  // Own and imported rows through the one read API (lib/journal/report-source.ts).
  const source = useLiveQuery(() => readReportSource(journalDb), [], EMPTY_SOURCE);
  const { sessions, events } = source;
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const checks = useMemo(
    () => exportChecks(custom, source.importedChecks).map((c) => ({ id: c.id, label: c.label[locale], targets: c.targets })),
    [custom, source.importedChecks, locale],
  );
  const data = useMemo(() => filterJournal({ sessions, events }, filter), [sessions, events, filter]);
  const report = useMemo(() => buildReport(data.sessions, data.events, checks, catalog), [data, checks]);
  const units = [...new Set(sessions.map((s) => s.unit).filter(Boolean))].sort();
  const procedures = [...new Map(sessions.map((s) => [s.procedureKey, s.procedureName])).entries()];
  const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;

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
        <ExportControls t={t} locale={locale} source="report" filter={{ unit: filter.unit, procedureKey: filter.procedureKey, checkId: filter.checkId }} />
      </section>
      <p className="muted small">{format(t.libraryNote, { count: checklistLibrary().checks.length })}</p>
    </main>
  );
}
