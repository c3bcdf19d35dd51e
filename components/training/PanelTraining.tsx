import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import type { STRINGS } from '@/lib/i18n';
import type { Catalog } from '@/lib/catalog/schema';
import { presenterSetting, tourNotesSetting, type TourNotes } from '@/lib/settings';
import type { PageTourData } from '@/lib/training/page-tour';
import { pageSteps, refSource, toursForSite, type Tour } from '@/lib/training/tour';
import { TOURS } from '@/lib/training/tours';
import { runTourOnTab } from '@/services/training/page-tour';
import { useSetting } from '../settings';

type T = (typeof STRINGS)['vi'];

export interface TrainingState {
  /** Presenter mode is on (Đào tạo page). */
  presenter: boolean;
  /** The followed tab shows a demo screen (demo.html). */
  demoTab: boolean;
  /** Both are known: only then may a filing be written (else a demo filing could be stored as real). */
  ready: boolean;
}

/** Is the tab a demo screen of this extension? */
async function isDemoTab(tabId: number): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return Boolean(tab?.url?.startsWith(browser.runtime.getURL('/demo.html')));
}

/** Training state of the panel: presenter mode, and whether the followed tab is a demo screen. */
export function useTraining(tabId: number | undefined): TrainingState {
  const presenter = useSetting(presenterSetting);
  const [demo, setDemo] = useState<{ tabId: number; demoTab: boolean } | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void isDemoTab(tabId).then((d) => live && setDemo({ tabId, demoTab: d }));
    return () => {
      live = false;
    };
  }, [tabId]);
  const known = tabId === undefined || demo?.tabId === tabId;
  const demoTab = tabId !== undefined && demo?.tabId === tabId && demo.demoTab;
  return { presenter: presenter.value.on, demoTab, ready: presenter.ready && known };
}

/** The "ĐÀO TẠO" marker (presenter mode or a demo screen) and the link to the Đào tạo page. */
export function TrainingMarker({ training, t }: { training: TrainingState; t: T }) {
  const on = training.presenter || training.demoTab;
  return (
    <div className={on ? 'training-banner' : 'training-link'} data-testid="panel-training" data-on={on}>
      {on && (
        <span className="training-marker" data-testid="panel-training-marker">
          {t.training_marker}
        </span>
      )}
      {training.demoTab && <span>{t.training_panelDemoTab}</span>}
      <a href={browser.runtime.getURL('/training.html')} target="_blank" rel="noreferrer" data-testid="open-training">
        {t.training_linkPage}
      </a>
    </div>
  );
}

/** Tours that can run over the portal page the panel follows (not a demo tab): start one there. */
export function PageTours({ tabId, site, training, t, locale }: { tabId: number | undefined; site: string | undefined; training: TrainingState; t: T; locale: 'vi' | 'en' }) {
  const [error, setError] = useState<string | null>(null);
  const tours = training.demoTab || tabId === undefined ? [] : toursForSite(TOURS, site);
  if (tours.length === 0) return null;
  const start = async (tour: Tour) => {
    const catalog = (await import('@/lib/catalog/generated/catalog.shipped.json')).default as unknown as Catalog;
    const notes = (await tourNotesSetting.get().catch(() => ({}) as TourNotes))[tour.id] ?? {};
    const data: PageTourData = {
      title: tour.title[locale],
      steps: pageSteps(tour).map((s) => ({
        id: s.id,
        anchor: s.anchor,
        title: s.title[locale],
        body: s.body[locale],
        ...(notes[s.id] ? { note: notes[s.id] } : {}),
        refs: s.refs.map((ref) => refSource(catalog, ref) ?? { ref, document: '—', text: '—', where: '—' }),
      })),
      texts: {
        stepOf: t.training_tourStepOf, next: t.training_tourNext, back: t.training_tourBack, finish: t.training_tourFinish, close: t.training_tourClose,
        sources: t.training_tourSources, note: t.training_tourNote, keys: t.training_tourKeys, notFound: t.training_tourNotFound,
      },
    };
    try {
      await runTourOnTab(tabId!, data);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="training-page-tours" data-testid="page-tours">
      {tours.map((tour) => (
        <button key={tour.id} type="button" onClick={() => void start(tour)} data-testid={`page-tour-${tour.id}`}>
          {t.training_startTour}: {tour.title[locale]}
        </button>
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
