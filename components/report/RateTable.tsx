import { judge } from '@/lib/export/judge';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import type { Rate } from '@/lib/report/aggregate';
import { formatCount, formatPercent } from '@/lib/text/format';

type T = (typeof STRINGS)['vi'];

interface Props {
  rates: Rate[];
  t: T;
  locale: Locale;
  caption: string;
  testId: string;
  withTarget?: boolean;
}

/** A rate table: done, applicable, rate (vi-VN "66,7%"), and against the target only from a stated sample size. */
export function RateTable({ rates, t, locale, caption, testId, withTarget }: Props) {
  return (
    <table className="rates" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">{t.col_done}</th>
          <th scope="col" className="num">{t.col_applicable}</th>
          <th scope="col" className="num">{t.col_rate}</th>
          {withTarget && <th scope="col">{t.col_target}</th>}
        </tr>
      </thead>
      <tbody>
        {rates.map((r) => {
          const verdict = judge(r);
          return (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatCount(r.done, locale)}</td>
              <td className="num">{formatCount(r.applicable, locale)}</td>
              <td className="num" data-testid="rate">{formatPercent(r.rate, locale)}</td>
              {withTarget && (
                <td data-testid="verdict" data-verdict={verdict}>
                  {r.target ? (
                    <span title={r.target.statement}>
                      {format(t.rpt_ofTarget, { value: formatPercent(r.target.value / 100, locale) })} <span className="muted">({r.target.ref})</span>
                      {verdict === 'met' && <span className="verdict met"> ✓ {t.targetMet}</span>}
                      {verdict === 'missed' && <span className="verdict missed"> ✗ {t.targetMissed}</span>}
                      {verdict === 'too-few' && <span className="verdict too-few"> — {t.rpt_tooFew}</span>}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
