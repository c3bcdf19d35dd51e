import { browser } from 'wxt/browser';
import type { STRINGS } from '@/lib/i18n';
import { format, type Locale } from '@/lib/i18n';
import type { MatchedItem } from '@/lib/match';
import { formatDay, sourceName, statusText, type ItemView } from '@/lib/match/present';
import { describeReason } from '@/lib/match/reasons';
import { getMatcher } from '@/lib/match/shipped';

interface Props {
  view: ItemView;
  match?: MatchedItem;
  t: (typeof STRINGS)['vi'];
  locale: Locale;
  /** Items that restate this one (its own targets, the same sentence in other plans), shown with it. */
  restatedBy?: ItemView[];
}

const PREVIEW = 180;

function sourceUrl(ref: string): string {
  return `${browser.runtime.getURL('/source.html')}?ref=${encodeURIComponent(ref)}`;
}

/** One task, target or model: source, units, deadline, status and why it is listed. */
export function ItemCard({ view, match, t, locale, restatedBy = [] }: Props) {
  const long = view.content.length > PREVIEW;
  const titleId = `title-${view.ref.replace(/[^a-zA-Z0-9]/g, '-')}`;
  return (
    <li className="item" data-testid={`item-${view.ref}`} data-band={match?.band} data-status={view.status} aria-labelledby={titleId}>
      <div className="item-head">
        <span className="tag kind">{t[`cnt_kindTag_${view.kind}`]}</span>
        <span className={`tag status-${view.status}`} data-testid="item-status">
          {statusText(view, locale)}
        </span>
      </div>
      <p className="item-title" id={titleId}>
        {long ? `${view.content.slice(0, PREVIEW).trimEnd()}…` : view.content}
      </p>
      {long && (
        <details className="item-full">
          <summary>{t.showFull}</summary>
          <p>{view.content}</p>
        </details>
      )}
      <dl className="item-facts">
        <div>
          <dt>{t.source}</dt>
          <dd>
            <a href={sourceUrl(view.ref)} target="_blank" rel="noreferrer" title={`${t.openSource} (${view.ref})`} data-testid="item-source">
              {sourceName(view, locale)}
            </a>{' '}
            <span className="muted">({view.docDate})</span>
          </dd>
        </div>
        {view.leadUnits.length > 0 && (
          <div>
            <dt>{t.lead}</dt>
            <dd>{view.leadUnits.join('; ')}</dd>
          </div>
        )}
        {view.partnerUnits.length > 0 && (
          <div>
            <dt>{t.partner}</dt>
            <dd>{view.partnerUnits.join('; ')}</dd>
          </div>
        )}
        {view.deadlineRaw && view.deadlineRaw !== view.deadlineTarget && (
          <div>
            <dt>{t.deadline}</dt>
            <dd data-testid="item-deadline">{view.deadlineRaw}</dd>
          </div>
        )}
        {view.deadlineTarget && (
          <div>
            <dt>{t.deadlineTarget}</dt>
            <dd data-testid="item-deadline-target">{view.deadlineTarget}</dd>
          </div>
        )}
        {view.stages && (
          <div>
            <dt>{t.stages}</dt>
            <dd>
              <ol className="stages" data-testid="item-stages">
                {view.stages.map((s) => (
                  <li key={s.from}>
                    {format(t.stageFrom, { date: formatDay(s.from, locale) })}: {s.text}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        )}
        {match && (
          <div>
            <dt>{t.why}</dt>
            <dd data-testid="item-reason">
              {match.reasons.map((r) => describeReason(r, locale, getMatcher().tagger)).join(' ')}
            </dd>
          </div>
        )}
      </dl>
      {view.status === 'period-ended' && <p className="muted status-note">{t.statusPeriodEndedNote}</p>}
      {restatedBy.length > 0 && (
        <div className="restated" data-testid="item-restated">
          <span className="muted">{t.restatedHere}:</span>
          <ul>
            {restatedBy.map((r) => (
              <li key={r.ref} data-testid={`restated-${r.ref}`} data-status={r.status}>
                <a href={sourceUrl(r.ref)} target="_blank" rel="noreferrer" title={`${r.ref}: ${r.content}`}>
                  {sourceName(r, locale)}
                </a>{' '}
                <span className="muted">({statusText(r, locale)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
