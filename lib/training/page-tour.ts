import { findAnchor, type Anchor } from './anchor';
import { startTour, type OverlayStep } from './overlay';

/*
 * A tour over a real portal page (issue 13). The panel injects /tour.js (entrypoints/tour.ts,
 * never part of the content script), which installs `__da06Tour` in the extension's isolated
 * world; the panel then calls it with the tour already resolved (steps, sources, texts).
 */

export interface PageTourData {
  title: string;
  steps: (OverlayStep & { anchor: Anchor })[];
  texts: { stepOf: string; next: string; back: string; finish: string; close: string; sources: string; note: string; keys: string; notFound: string };
}

export function installPageTour(target: { __da06Tour?: (data: PageTourData) => void }, doc: Document): void {
  target.__da06Tour = (data) => {
    const overlay = startTour({
      doc,
      steps: data.steps,
      texts: {
        ...data.texts,
        stepOf: (n, total) => data.texts.stepOf.replace('{n}', String(n)).replace('{total}', String(total)),
        tourTitle: data.title,
      },
      prepare: (i) => findAnchor(doc, data.steps[i]!.anchor),
      onEnd: (finished) => doc.documentElement.setAttribute('data-da06-tour', finished ? 'finished' : 'closed'),
      onStep: (i) => doc.documentElement.setAttribute('data-da06-tour', `step-${i}`),
    });
    void overlay.go(0);
  };
}
