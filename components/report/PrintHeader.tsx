import { format, type Locale, type STRINGS } from '@/lib/i18n';
import { MIN_FILINGS_TO_JUDGE } from '@/lib/export/judge';
import { DEFAULT_ZONE, displayDateTime, offsetLabel } from '@/lib/text/format';

type T = (typeof STRINGS)['vi'];

interface Props {
  t: T;
  locale: Locale;
  office: string;
  period: string;
  printedAt: number;
  demo: boolean;
  zone?: string;
}

/**
 * The head of the report as a leader signs it: title, reporting office, period,
 * date printed, a demo marker when demo data is included, the time zone and
 * the sample-size rule. Shown on screen too, so what prints is what one sees.
 */
export function ReportHeader({ t, locale, office, period, printedAt, demo, zone = DEFAULT_ZONE }: Props) {
  return (
    <header className="report-head" data-testid="report-head">
      {demo && (
        <p className="demo-marker" data-testid="demo-marker">
          <strong>{t.rpt_demoMarker}</strong> — {t.rpt_demoIncluded}
        </p>
      )}
      <h1>{t.reportTitle}</h1>
      <dl className="report-meta">
        <div>
          <dt>{t.rpt_office}</dt>
          <dd data-testid="report-office">{office || <span className="muted">{t.rpt_officeMissing}</span>}</dd>
        </div>
        <div>
          <dt>{t.rpt_reportFor}</dt>
          <dd data-testid="report-period">{period}</dd>
        </div>
        <div>
          <dt>{t.rpt_printedAt}</dt>
          <dd data-testid="report-printed">{displayDateTime(printedAt, locale, zone)}</dd>
        </div>
      </dl>
      <p className="muted small" data-testid="report-rules">
        {format(t.rpt_zoneNote, { zone, offset: offsetLabel(printedAt, zone) })} {format(t.rpt_threshold, { n: MIN_FILINGS_TO_JUDGE })}
      </p>
    </header>
  );
}

/** Signature lines, on paper only. */
export function SignatureBlock({ t }: { t: T }) {
  return (
    <div className="signatures print-only" aria-hidden="true">
      <div>
        <strong>{t.rpt_preparedBy}</strong>
        <span className="muted small">{t.rpt_signHint}</span>
      </div>
      <div>
        <strong>{t.rpt_approvedBy}</strong>
        <span className="muted small">{t.rpt_signHint}</span>
      </div>
    </div>
  );
}
