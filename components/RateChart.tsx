import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Locale } from '@/lib/i18n';
import type { Rate } from '@/lib/report/aggregate';
import { formatPercent } from '@/lib/text/format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

interface Props {
  rates: Rate[];
  kind: 'bar' | 'line';
  label: string;
  targetLabel: string;
  title: string;
  locale: Locale;
}

/** A label broken into lines of about `width` characters at spaces: shown whole, never cut with "…". */
export function wrapLabel(text: string, width = 34): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Completion rates with Chart.js; the linked target as markers where there is
 * one. Bars run horizontally so the checks' and procedures' full names fit (on
 * screen and on paper); the height grows with the number of rows and lines.
 */
export function RateChart({ rates, kind, label, targetLabel, title, locale }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const horizontal = kind === 'bar';
  const labels = rates.map((r) => wrapLabel(r.label));
  const lineCount = labels.reduce((n, l) => n + Math.max(1, l.length), 0);
  const height = horizontal ? Math.max(160, 48 + lineCount * 16 + rates.length * 14) : 240;
  useEffect(() => {
    if (!canvas.current) return;
    const hasTarget = rates.some((r) => r.target);
    const pct = (v: number | string) => formatPercent(Number(v) / 100, locale);
    const valueAxis = { min: 0, max: 100, ticks: { callback: pct } };
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels,
        datasets: [
          { type: kind, label, data: rates.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)), backgroundColor: '#0969da', borderColor: '#0969da', order: 2 },
          ...(hasTarget
            ? [{ type: 'line' as const, label: targetLabel, data: rates.map((r) => r.target?.value ?? null), borderColor: '#a3141c', backgroundColor: '#a3141c', showLine: false, order: 1, pointRadius: 9, pointBorderWidth: 3, pointStyle: horizontal ? ('line' as const) : ('rectRot' as const), pointRotation: horizontal ? 90 : 0 }]
            : []),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: valueAxis, y: { ticks: { autoSkip: false } } } : { y: valueAxis },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${pct(c.parsed[horizontal ? 'x' : 'y'] ?? 0)}` } } },
      },
    });
    return () => chart.destroy();
    // labels derive from rates
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rates, kind, label, targetLabel, locale, horizontal]);
  return (
    <div className="chart" style={{ height }} data-testid="rate-chart" data-labels={JSON.stringify(labels.map((l) => l.join(' ')))}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
