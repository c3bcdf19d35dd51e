import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { localeSetting, presenterSetting, tourNotesSetting, type TourNotes } from '@/lib/settings';
import { DEMO_SCREENS, type DemoPortal } from '@/lib/training/screens';
import { TOURS } from '@/lib/training/tours';
import type { TrainingSetProblem } from '@/lib/training/training-set';
import { exportTrainingSet, importTrainingSetText } from '@/services/training/training-set';
import { useLocale, useSetting } from '../settings';

type T = (typeof STRINGS)['vi'];

const PORTALS: DemoPortal[] = ['national-spa', 'national-old', 'thanhhoa-motcua', 'thanhhoa-portal'];
const portalKey = (p: DemoPortal) => `training_portal_${p.replace(/-/g, '_')}` as keyof T;

const demoUrl = (screen: string, tour?: string) => browser.runtime.getURL(`/demo.html?screen=${encodeURIComponent(screen)}${tour ? `&tour=${encodeURIComponent(tour)}` : ''}`);

function problemText(t: T, p: TrainingSetProblem): string {
  switch (p.kind) {
    case 'too-large':
      return format(t.training_problem_too_large, { bytes: p.bytes });
    case 'not-json':
      return format(t.training_problem_not_json, { detail: p.detail });
    case 'wrong-format':
      return format(t.training_problem_wrong_format, { found: p.found });
    case 'wrong-version':
      return format(t.training_problem_wrong_version, { found: p.found });
    case 'invalid':
      return format(t.training_problem_invalid, { path: p.path, detail: p.detail });
    case 'unknown-tour':
      return format(t.training_problem_unknown_tour, { ids: p.ids.join(', ') });
  }
}

function TourNotesEditor({ tourId, steps, t, locale, notes }: { tourId: string; steps: { id: string; title: { vi: string; en: string } }[]; t: T; locale: Locale; notes: TourNotes }) {
  // Unsaved edits over the stored notes (a saved or imported note shows at once).
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const value = (stepId: string) => edits[stepId] ?? notes[tourId]?.[stepId] ?? '';
  const save = async () => {
    const all = Object.fromEntries(steps.map((s) => [s.id, value(s.id).trim().slice(0, 500)]).filter(([, v]) => v));
    const next = { ...notes };
    if (Object.keys(all).length) next[tourId] = all;
    else delete next[tourId];
    await tourNotesSetting.set(next);
    setEdits({});
    setSaved(true);
  };
  return (
    <details className="training-notes">
      <summary>{t.training_notes}</summary>
      {steps.map((s) => (
        <label key={s.id} className="training-note">
          <span>{s.title[locale]}</span>
          <textarea
            data-testid={`note-${tourId}-${s.id}`}
            maxLength={500}
            rows={2}
            value={value(s.id)}
            onChange={(e) => {
              setSaved(false);
              setEdits({ ...edits, [s.id]: e.target.value });
            }}
          />
        </label>
      ))}
      <button type="button" onClick={() => void save()} data-testid={`save-notes-${tourId}`}>
        {t.training_saveNotes}
      </button>
      {saved && <span role="status"> {t.training_notesSaved}</span>}
    </details>
  );
}

/** The Đào tạo page: demo screens, tours, presenter mode, training sets. */
export function TrainingApp() {
  const locale = useLocale().value;
  const t = STRINGS[locale];
  const presenterState = useSetting(presenterSetting);
  const presenter = presenterState.value;
  // The box follows a click at once; the stored value takes over when it arrives (no lag, no flicker back).
  const [presenterClick, setPresenterClick] = useState<{ on: boolean; stored: boolean } | null>(null);
  const presenterShown = presenterClick && presenterClick.stored === presenter.on ? presenterClick.on : presenter.on;
  const notes = useSetting(tourNotesSetting).value;
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t.training_pageTitle} — ${t.appName}`;
  }, [locale, t]);

  const doExport = async () => {
    const { set, checks, notes: n } = await exportTrainingSet(title);
    const blob = new Blob([JSON.stringify(set, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `bo-dao-tao-da06-${set.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setMessage({ error: false, text: format(t.training_exported, { checks, notes: n }) });
  };

  const doImport = async (file: File) => {
    try {
      const outcome = await importTrainingSetText(await file.text());
      setMessage(
        outcome.ok
          ? { error: false, text: format(t.training_imported, { file: file.name, checks: outcome.checks, notes: outcome.notes }) }
          : { error: true, text: format(t.training_importRejected, { file: file.name, reason: problemText(t, outcome.problem) }) },
      );
    } catch (e) {
      setMessage({ error: true, text: format(t.training_importRejected, { file: file.name, reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const screenTitle = (id: string) => DEMO_SCREENS.find((s) => s.id === id)?.title[locale] ?? id;

  return (
    <div className={`training${presenter.on ? ' presenter' : ''}`} data-testid="training-page" data-presenter={presenter.on}>
      <header className="training-header">
        <h1>
          <span className="training-marker">{t.training_marker}</span> {t.training_pageTitle} — {t.appName}
        </h1>
        <label className="locale">
          <span className="sr-only">{t.language}</span>
          <select value={locale} onChange={(e) => void localeSetting.set(e.target.value as Locale)} aria-label={t.language}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <main>
        <p className="training-intro">{t.training_intro}</p>

        <section className="card" aria-labelledby="presenter-title">
          <h2 id="presenter-title">{t.training_presenter}</h2>
          <label className="training-toggle">
            <input type="checkbox" data-testid="presenter-toggle" disabled={!presenterState.ready} checked={presenterShown} onChange={(e) => { const on = e.target.checked; setPresenterClick({ on, stored: presenter.on }); void presenterSetting.set({ on }); }} />
            {t.training_presenter}
          </label>
          <p className="muted">{t.training_presenterHelp}</p>
        </section>

        <section className="card" aria-labelledby="screens-title">
          <h2 id="screens-title">{t.training_screens}</h2>
          {PORTALS.map((portal) => (
            <div key={portal}>
              <h3>{t[portalKey(portal)] as string}</h3>
              <ul className="training-list">
                {DEMO_SCREENS.filter((s) => s.portal === portal).map((s) => (
                  <li key={s.id}>
                    <a href={demoUrl(s.id)} data-testid={`screen-${s.id}`}>
                      {s.title[locale]}
                    </a>{' '}
                    <span className="muted">
                      ({t.training_field}: {s.field})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>

        <section className="card" aria-labelledby="tours-title">
          <h2 id="tours-title">{t.training_tours}</h2>
          <ul className="training-list">
            {TOURS.map((tour) => (
              <li key={tour.id}>
                <a href={demoUrl(tour.screen, tour.id)} data-testid={`tour-${tour.id}`}>
                  {tour.title[locale]}
                </a>{' '}
                <span className="muted">
                  — {format(t.training_steps, { n: tour.steps.length })}; {format(t.training_tourOnScreen, { screen: screenTitle(tour.screen) })}
                </span>
                <p>{tour.summary[locale]}</p>
                <TourNotesEditor tourId={tour.id} steps={tour.steps} t={t} locale={locale} notes={notes} />
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="set-title">
          <h2 id="set-title">{t.training_set}</h2>
          <p className="muted">{t.training_setHelp}</p>
          <label>
            {t.training_setTitle}{' '}
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="set-title" />
          </label>{' '}
          <button type="button" onClick={() => void doExport()} data-testid="set-export">
            {t.training_export}
          </button>
          <p>
            <label>
              {t.training_import}{' '}
              <input
                type="file"
                accept="application/json,.json"
                data-testid="set-import"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void doImport(file);
                  e.target.value = '';
                }}
              />
            </label>
          </p>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'note'} data-testid="set-message">
              {message.text}
            </p>
          )}
        </section>
        <p>
          <a href={browser.runtime.getURL('/options.html')}>{t.training_linkOptions}</a> ·{' '}
          <a href={browser.runtime.getURL('/report.html')}>{t.training_linkReport}</a>
        </p>
      </main>
    </div>
  );
}
