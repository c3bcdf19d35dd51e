/**
 * When a completion rate may be set against a plan's target. With two or three
 * filings one filing moves the rate by 30 points or more, so "✗ chưa đạt" would
 * judge an office on chance. Below MIN_FILINGS_TO_JUDGE applicable filings the
 * report says "chưa đủ hồ sơ để đánh giá" instead; the page states the number.
 */
export const MIN_FILINGS_TO_JUDGE = 10;

export type Verdict = 'met' | 'missed' | 'too-few' | 'no-target' | 'no-data';

export function judge(rate: { rate: number | null; applicable: number; target?: { value: number } }, min: number = MIN_FILINGS_TO_JUDGE): Verdict {
  if (!rate.target) return 'no-target';
  if (rate.rate === null || rate.applicable === 0) return 'no-data';
  if (rate.applicable < min) return 'too-few';
  // Compare in tenths of a percent, as printed, so 99,95% never reads "đạt" next to a printed "100%".
  return Math.round(rate.rate * 1000) >= Math.round(rate.target.value * 10) ? 'met' : 'missed';
}
