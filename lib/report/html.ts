import { format, STRINGS, type Locale } from '../i18n';
import type { Rate, Report } from './aggregate';

/**
 * The report as one self-contained, printable HTML file (what `da06 report`
 * writes): the same figures and wording as the report page, no script.
 */

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function reportHtml(report: Report, locale: Locale, opts: { unitName?: (id: string) => string; generatedAt?: number; files?: number } = {}): string {
  const t = STRINGS[locale];
  const unitName = opts.unitName ?? ((id: string) => id);
  const num = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}%`);
  const day = (ms?: number) => (ms === undefined ? '—' : new Date(ms).toISOString().slice(0, 10));
  const table = (rates: Rate[], caption: string, id: string, withTarget = false, label = (r: Rate) => r.label) => `
<table id="${id}">
<caption>${esc(caption)}</caption>
<thead><tr><th scope="col">${esc(caption)}</th><th scope="col">${esc(t.col_done)}</th><th scope="col">${esc(t.col_applicable)}</th><th scope="col">${esc(t.col_rate)}</th>${withTarget ? `<th scope="col">${esc(t.col_target)}</th>` : ''}</tr></thead>
<tbody>
${rates
  .map(
    (r) =>
      `<tr data-key="${esc(r.key)}"><th scope="row">${esc(label(r))}</th><td>${num(r.done)}</td><td>${num(r.applicable)}</td><td>${pct(r.rate)}</td>${
        withTarget
          ? `<td>${r.target ? `<span title="${esc(r.target.statement)}">${r.target.value}% (${esc(r.target.ref)})${r.rate !== null ? (r.rate * 100 >= r.target.value ? ` ✓ ${esc(t.targetMet)}` : ` ✗ ${esc(t.targetMissed)}`) : ''}</span>` : '—'}</td>`
          : ''
      }</tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  const units = report.units.map(unitName);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${esc(t.reportTitle)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; margin: 0 0 2em; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
th, td { border: 1px solid #999; padding: .25em .5em; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dt { font-weight: 600; }
section { break-inside: avoid-page; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${esc(t.reportTitle)}</h1>
<section id="totals">
<h2>${esc(t.reportTotals)}</h2>
<dl>
<dt>${esc(t.period)}</dt><dd>${day(report.period.from)} – ${day(report.period.to)}</dd>
<dt>${esc(t.col_unit)}</dt><dd>${report.units.length > 12 ? esc(format(t.scale_unitCount, { count: num(report.units.length) })) : esc(units.join(', ') || '—')}</dd>
<dt>${esc(t.col_staff)}</dt><dd>${esc(format(t.scale_staffCount, { count: num(report.staff.length) }))}</dd>
<dt>${esc(t.sessions)}</dt><dd id="total-sessions">${num(report.sessions)}</dd>
<dt>${esc(t.events)}</dt><dd id="total-events">${num(report.events)}</dd>
${opts.files !== undefined ? `<dt>${esc(t.scale_files)}</dt><dd>${num(opts.files)}</dd>` : ''}
</dl>
${report.sessions === 0 ? `<p>${esc(t.reportEmpty)}</p>` : ''}
</section>
<section><h2>${esc(t.byCheck)}</h2>${table(report.byCheck, t.col_check, 'by-check', true)}</section>
<section><h2>${esc(t.byProcedure)}</h2>${table(report.byProcedure, t.field_name, 'by-procedure')}</section>
<section><h2>${esc(t.byUnit)}</h2>${table(report.byUnit, t.col_unit, 'by-unit', false, (r) => unitName(r.label))}</section>
<section><h2>${esc(t.byWeek)}</h2>${table(report.byWeek, t.week, 'by-week')}</section>
<p><small>${esc(format(t.scale_generated, { time: new Date(opts.generatedAt ?? Date.now()).toISOString() }))}</small></p>
</body>
</html>
`;
}
