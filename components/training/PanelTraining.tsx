import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import type { STRINGS } from '@/lib/i18n';
import { presenterSetting } from '@/lib/settings';
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
