// Bundled into an IIFE by bench/browser.ts and run inside a Chromium page:
// our recognition (what the content script runs) and Readability, timed there.
import { Readability } from '@mozilla/readability';
import { recognizeWithAdapters } from '../lib/recognize/adapters';
import { quantile } from './stats';

function quantiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95) };
}

(globalThis as unknown as { __da06Bench: unknown }).__da06Bench = {
  // Browsers coarsen performance.now() (0.1 ms steps), so each sample times a
  // batch and reports the per-run average.
  recognize(runs: number, batch: number) {
    const times: number[] = [];
    let result = null;
    recognizeWithAdapters(document, location.href); // warm-up
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      for (let k = 0; k < batch; k++) result = recognizeWithAdapters(document, location.href);
      times.push((performance.now() - t0) / batch);
    }
    return { ...quantiles(times), result };
  },
  readability(runs: number, batch: number) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      for (let k = 0; k < batch; k++) new Readability(document.cloneNode(true) as Document).parse();
      times.push((performance.now() - t0) / batch);
    }
    return quantiles(times);
  },
};
