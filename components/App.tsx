import { browser } from 'wxt/browser';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { localIsoDate, summarizeCatalog } from '@/lib/catalog/summary';
import { STRINGS, type Locale } from '@/lib/i18n';
import { TabStateSchema, type TabState } from '@/lib/messages';
import type { ProcedureQuery } from '@/lib/match';
import { catalog, getMatcher } from '@/lib/match/shipped';
import { localeSetting, profileSetting } from '@/lib/settings';
import { useLocale, useProfile } from './settings';
import { myPlanUnits } from '@/lib/settings';
import { CatalogSummaryView } from './CatalogSummaryView';
import { CurrentPage } from './CurrentPage';
import { MatchView } from './MatchView';
// The checklist (Dexie, exports) loads in its own chunk, so the item list is not kept waiting.
const ChecklistView = lazy(() => import('./ChecklistView').then((m) => ({ default: m.ChecklistView })));
import { SearchResults } from './SearchPanel';
import { ErrorBoundary } from './ErrorBoundary';

/** ?tab=<id> pins the panel to one tab (used when the panel is opened as a page). */
function pinnedTabId(): number | undefined {
  const value = new URLSearchParams(location.search).get('tab');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Ask the background for the tab's state; validated, null when there is none. */
async function fetchTabState(): Promise<TabState | null> {
  const raw: unknown = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId: pinnedTabId() });
  const parsed = TabStateSchema.nullable().safeParse(raw ?? null);
  return parsed.success ? parsed.data : null;
}

// Started as the page loads, before React renders, so the first list shows sooner.
export const firstTabState: Promise<TabState | null> = fetchTabState().catch(() => null);
// While the background answers, get the matcher ready and read the settings,
// so the first render is already in the chosen language with the officer's unit.
getMatcher();
export const settingsRead: Promise<unknown> = Promise.all([localeSetting.get(), profileSetting.get()]).catch(() => null);

export function App({ initialTab = null }: { initialTab?: TabState | null }) {
  const locale = useLocale().value;
  const setLocale = (next: Locale) => void localeSetting.set(next);
  const [tab, setTab] = useState<TabState | null>(initialTab);
  const [search, setSearch] = useState('');
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
  const procedure = tab?.page.pageKind === 'procedure-list' ? undefined : tab?.page.procedure;
  // A stable query object, so matching reruns only when the procedure changes.
  const queryKey = procedure ? JSON.stringify([procedure.code, procedure.name, procedure.field, procedure.level, procedure.agency]) : '';
  const query = useMemo<ProcedureQuery | null>(() => {
    if (!queryKey) return null;
    const [code, name, field, level, agency] = JSON.parse(queryKey) as (string | undefined)[];
    return code || name ? { code: code ?? undefined, name: name ?? undefined, field: field ?? undefined, level: level ?? undefined, agency: agency ?? undefined } : null;
  }, [queryKey]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      try {
        const state = await fetchTabState();
        if (!cancelled) setTab(state);
      } catch {
        if (!cancelled) setTab(null);
      }
    };
    void refresh();
    const onActivated = () => void refresh();
    const onMessage = (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'tab-state-changed') void refresh();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    const onUpdated = (_id: number, info: { status?: string; url?: string }) => {
      if (info.status === 'complete' || info.url) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const timer = setInterval(refresh, 3000);
    return () => {
      cancelled = true;
      clearInterval(timer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  return (
    <div className="panel">
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
        {search.trim() ? (
          <SearchResults query={search.trim()} t={t} locale={locale} today={today} />
        ) : (
          <>
            <CurrentPage tab={tab} t={t} />
            {query ? (
              <>
                <ErrorBoundary title={t.checklistFailed}>
                  <Suspense fallback={<p className="muted" data-testid="checklist-loading">{t.loading}</p>}>
                    <ChecklistView query={query} dossierCode={tab?.page.dossierCode} t={t} locale={locale} />
                  </Suspense>
                </ErrorBoundary>
                <MatchView query={query} t={t} locale={locale} today={today} myUnits={myUnits} />
              </>
            ) : (
              <p className="hint" data-testid="search-hint">{t.noProcedureHint}</p>
            )}
            {summary && <CatalogSummaryView summary={summary} today={today} t={t} />}
          </>
        )}
      </main>
    </div>
  );
}
