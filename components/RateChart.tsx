import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Rate } from '@/lib/report/aggregate';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

interface Props {
  rates: Rate[];
  kind: 'bar' | 'line';
  label: string;
  targetLabel: string;
  title: string;
}

/** Completion rates (%) with Chart.js; the linked target as a second series where there is one. */
export function RateChart({ rates, kind, label, targetLabel, title }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const hasTarget = rates.some((r) => r.target);
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels: rates.map((r) => (r.label.length > 40 ? `${r.label.slice(0, 38)}…` : r.label)),
        datasets: [
          { type: kind, label, data: rates.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)), backgroundColor: '#0969da', borderColor: '#0969da' },
          ...(hasTarget
            ? [{ type: 'line' as const, label: targetLabel, data: rates.map((r) => r.target?.value ?? null), borderColor: '#a3141c', backgroundColor: '#a3141c', showLine: false, pointRadius: 6, pointStyle: 'line' as const }]
            : []),
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } } },
    });
    return () => chart.destroy();
  }, [rates, kind, label, targetLabel]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
