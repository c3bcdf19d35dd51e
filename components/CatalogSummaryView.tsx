import { DEADLINE_STATUSES } from '@/lib/catalog/deadline';
import type { CatalogSummary } from '@/lib/catalog/summary';
import type { STRINGS, StringKey } from '@/lib/i18n';

interface Props {
  summary: CatalogSummary;
  today: string;
  t: (typeof STRINGS)['vi'];
}

/** Size of the plan catalog and the deadline picture as of today. */
export function CatalogSummaryView({ summary, today, t }: Props) {
  return (
    <section aria-labelledby="catalog-title" className="card">
      <h2 id="catalog-title">{t.catalog}</h2>
      <dl className="totals">
        <div>
          <dt>{t.tasks}</dt>
          <dd data-testid="count-tasks">{summary.tasks}</dd>
        </div>
        <div>
          <dt>{t.targets}</dt>
          <dd data-testid="count-targets">{summary.targets}</dd>
        </div>
        <div>
          <dt>{t.models}</dt>
          <dd data-testid="count-models">{summary.models}</dd>
        </div>
        <div>
          <dt>{t.units}</dt>
          <dd data-testid="count-units">{summary.units}</dd>
        </div>
      </dl>
      <table className="documents">
        <caption className="sr-only">{t.catalog}</caption>
        <thead>
          <tr>
            <th scope="col">{t.document}</th>
            <th scope="col">{t.tasks}</th>
            <th scope="col">{t.targets}</th>
            <th scope="col">{t.models}</th>
          </tr>
        </thead>
        <tbody>
          {summary.documents.map((d) => (
            <tr key={d.key} data-testid={`doc-${d.key}`}>
              <th scope="row">
                {d.shortTitle}
                <span className="muted"> · {d.date}</span>
              </th>
              <td>{d.tasks}</td>
              <td>{d.targets}</td>
              <td>{d.models}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        {t.statusAsOf} <time dateTime={today}>{today}</time>
      </h3>
      <ul className="statuses">
        {DEADLINE_STATUSES.map((s) => (
          <li key={s} className={`status status-${s}`} data-testid={`status-${s}`}>
            <span>{t[`status_${s}` as StringKey]}</span>
            <strong>{summary.statuses[s]}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
