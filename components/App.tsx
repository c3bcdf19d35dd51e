import { browser } from 'wxt/browser';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { localIsoDate, summarizeCatalog } from '@/lib/catalog/summary';
import { STRINGS, type Locale } from '@/lib/i18n';
import type { TabState } from '@/lib/messages';
import { readTabState, watchTabStates } from '@/services/tab-state';
import type { ProcedureQuery } from '@/lib/match';
import { catalog, getMatcher } from '@/lib/match/shipped';
import { localeSetting, profileSetting } from '@/lib/settings';
import { useLocale, useProfile } from './settings';
import { myPlanUnits } from '@/lib/settings';
import { loadDirectory } from '@/services/directory';
import { useDirectory } from './directory';
import type { DirectoryEntry } from '@/lib/directory';
import { CatalogSummaryView } from './CatalogSummaryView';
import { CurrentPage } from './CurrentPage';
import { MatchView } from './MatchView';
// The checklist (Dexie, exports) loads in its own chunk, so the item list is not kept waiting.
const ChecklistView = lazy(() => import('./ChecklistView').then((m) => ({ default: m.ChecklistView })));
import { SearchResults } from './SearchPanel';
import { ErrorBoundary } from './ErrorBoundary';
// Training (issue 13): presenter mode, demo-screen tabs, the ĐÀO TẠO marker.
import { PageTours, TrainingMarker, useTraining } from './training/PanelTraining';

/** ?tab=<id> pins the panel to one tab (used when the panel is opened as a page). */
function pinnedTabId(): number | undefined {
  const value = new URLSearchParams(location.search).get('tab');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The tab the panel follows: the pinned one, else the active tab of this window. */
async function followedTabId(): Promise<number | undefined> {
  const pinned = pinnedTabId();
  if (pinned !== undefined) return pinned;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function readFollowed(): Promise<TabState | null> {
  const id = await followedTabId();
  return id === undefined ? null : readTabState(id);
}

// Read from storage.session as the page loads, before React renders (the
// background need not be running), so the first list shows sooner.
export const firstTabState: Promise<TabState | null> = readFollowed().catch(() => null);
// Meanwhile, get the matcher ready and read the settings, so the first
// render is already in the chosen language with the officer's unit;
// and fetch the national directory once a procedure is on the tab.
void firstTabState.then((state) => (state?.page.procedure ? loadDirectory() : undefined)).catch(() => undefined);
getMatcher();
export const settingsRead: Promise<unknown> = Promise.all([localeSetting.get(), profileSetting.get()]).catch(() => null);

/**
 * The state of the followed tab: read once, then watched in storage (the one
 * refresh path; the background is the only writer). An unpinned panel follows
 * the active tab, so switching tabs changes which state it reads.
 */
function useTabState(initial: TabState | null): TabState | null {
  const [tab, setTab] = useState<TabState | null>(initial);
  useEffect(() => {
    let cancelled = false;
    let followed: number | undefined = pinnedTabId() ?? initial?.tabId;
    // A change seen while a read is under way is newer than what the read returns.
    let changes = 0;
    const show = async (id: number | undefined) => {
      followed = id;
      const before = changes;
      const state = id === undefined ? null : await readTabState(id).catch(() => null);
      if (!cancelled && followed === id && changes === before) setTab(state);
    };
    const stopWatching = watchTabStates((tabId, state) => {
      if (tabId !== followed) return;
      changes++;
      setTab(state);
    });
    void followedTabId().then(show, () => show(undefined));
    const onActivated = ({ tabId }: { tabId: number }) => {
      if (pinnedTabId() === undefined) void show(tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      stopWatching();
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [initial]);
  return tab;
}

/** A skip link's click: focus the target (a control, or a region made focusable) without touching the address. */
function skipTo(id: string, control = false) {
  return (e: { preventDefault(): void }) => {
    const target = document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    if (!control && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
  };
}

export function App({ initialTab = null }: { initialTab?: TabState | null }) {
  const locale = useLocale().value;
  const setLocale = (next: Locale) => void localeSetting.set(next);
  const tab = useTabState(initialTab);
  const training = useTraining(tab?.tabId);
  const [search, setSearch] = useState('');
  // A procedure picked from the national directory in search: its items are shown instead of the tab's.
  const [picked, setPicked] = useState<DirectoryEntry | null>(null);
  const myUnits = myPlanUnits(useProfile().value);
  // The catalog summary is secondary: it renders after the first list.
  const [showSummary, setShowSummary] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShowSummary(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const t = STRINGS[locale];
  const today = localIsoDate();
  const summary = useMemo(() => (showSummary ? summarizeCatalog(catalog, today) : null), [today, showSummary]);
  const onPage = tab?.page.pageKind === 'procedure-list' ? undefined : tab?.page.procedure;
  const procedure = picked ? { code: picked.code, name: picked.name, field: picked.field, level: picked.level, agency: picked.agency, portalId: picked.portalId } : onPage;
  // A stable query object, so matching reruns only when the procedure changes.
  const queryKey = procedure ? JSON.stringify([procedure.code, procedure.name, procedure.field, procedure.level, procedure.agency, procedure.portalId]) : '';
  const query = useMemo<ProcedureQuery | null>(() => {
    if (!queryKey) return null;
    const [code, name, field, level, agency, portalId] = JSON.parse(queryKey) as (string | undefined)[];
    return code || name || portalId
      ? { code: code ?? undefined, name: name ?? undefined, field: field ?? undefined, level: level ?? undefined, agency: agency ?? undefined, portalId: portalId ?? undefined }
      : null;
  }, [queryKey]);
  // The national directory (lazy, on the first procedure). Matching waits for it, so the list
  // equals the badge count (the background matches through it too).
  const searching = search.trim() !== '';
  const { directory, settled: directorySettled } = useDirectory(query !== null || searching);
  const resolved = useMemo(() => (query ? getMatcher().resolve(query, directory) : null), [query, directory]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className={training.presenter ? 'panel presenter' : 'panel'}>
      <nav className="skip-links" aria-label={t.cnt_skipNav}>
        {query && !searching ? (
          <>
            <a href="#match-list" onClick={skipTo('match-list')}>{t.cnt_skipItems}</a>
            <a href="#filters" onClick={skipTo('filter-band', true)}>{t.cnt_skipFilters}</a>
            <a href="#checklist-title" onClick={skipTo('checklist-title')}>{t.cnt_skipChecklist}</a>
          </>
        ) : (
          <a href="#search-input" onClick={skipTo('search-input')}>{t.cnt_skipSearch}</a>
        )}
      </nav>
      <header className="panel-header">
        <div>
          <h1>{t.appName}</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        <label className="locale">
          <span className="sr-only">{t.language}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t.language}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <TrainingMarker training={training} t={t} />
      <PageTours tabId={tab?.tabId} site={tab?.page.site} training={training} t={t} locale={locale} />
      <main>
        <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="search-input">{t.search}</label>
          <div className="search-row">
            <input
              id="search-input"
              data-testid="search-input"
              type="search"
              value={search}
              placeholder={t.searchPlaceholder}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setSearch('');
              }}
            />
            {search && (
              <button type="button" onClick={() => setSearch('')}>
                {t.clearSearch}
              </button>
            )}
          </div>
        </form>
        {searching ? (
          <SearchResults
            query={search.trim()}
            t={t}
            locale={locale}
            today={today}
            directory={directory}
            directorySettled={directorySettled}
            onPick={(entry) => {
              setPicked(entry);
              setSearch('');
            }}
          />
        ) : (
          <>
            {picked ? (
              <section className="card" aria-labelledby="chosen-title" data-testid="chosen-procedure">
                <h2 id="chosen-title">{t.cnt_chosenTitle}</h2>
                <p className="page-title">{picked.name}</p>
                <p className="muted">
                  {picked.code} · {picked.field} · {picked.level}
                </p>
                <button type="button" data-testid="back-to-page" onClick={() => setPicked(null)}>
                  {t.cnt_backToPage}
                </button>
              </section>
            ) : (
              <CurrentPage tab={tab} t={t} resolved={resolved} />
            )}
            {query && !directorySettled && <p className="muted" data-testid="directory-loading">{t.directoryLoading}</p>}
            {query && directorySettled ? (
              <>
                {/* A filing is written only once training mode is known (demo or not). */}
                {training.ready && !picked && (
                  <ErrorBoundary title={t.checklistFailed}>
                    <Suspense fallback={<p className="muted" data-testid="checklist-loading">{t.loading}</p>}>
                      <ChecklistView
                        query={query}
                        directory={directory}
                        dossierCode={tab?.page.dossierCode}
                        tabId={tab?.tabId}
                        t={t}
                        locale={locale}
                        training={training.presenter || training.demoTab}
                      />
                    </Suspense>
                  </ErrorBoundary>
                )}
                <MatchView query={query} directory={directory} t={t} locale={locale} today={today} myUnits={training.presenter ? [] : myUnits} />
              </>
            ) : (
              !query && <p className="hint" data-testid="search-hint">{t.noProcedureHint}</p>
            )}
            {summary && <CatalogSummaryView summary={summary} today={today} t={t} />}
          </>
        )}
      </main>
    </div>
  );
}
