import { useEffect, useMemo, useState } from 'react';
import catalogData from '@/lib/catalog/generated/catalog.json';
import type { Catalog } from '@/lib/catalog/schema';
import { localIsoDate, summarizeCatalog } from '@/lib/catalog/summary';
import { STRINGS, type Locale } from '@/lib/i18n';
import { TabStateSchema, type TabState } from '@/lib/messages';
import { CatalogSummaryView } from './CatalogSummaryView';
import { CurrentPage } from './CurrentPage';

// The catalog is generated from seeds/ at build time (scripts/build-catalog.ts).
const catalog = catalogData as unknown as Catalog;

/** ?tab=<id> pins the panel to one tab (used when the panel is opened as a page). */
function pinnedTabId(): number | undefined {
  const value = new URLSearchParams(location.search).get('tab');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('da06.locale') === 'en' ? 'en' : 'vi'));
  const [tab, setTab] = useState<TabState | null>(null);
  const t = STRINGS[locale];
  const today = localIsoDate();
  const summary = useMemo(() => summarizeCatalog(catalog, today), [today]);

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('da06.locale', locale);
  }, [locale]);

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      try {
        const raw: unknown = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId: pinnedTabId() });
        const parsed = TabStateSchema.nullable().safeParse(raw ?? null);
        if (!cancelled) setTab(parsed.success ? parsed.data : null);
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
        <CurrentPage tab={tab} t={t} />
        <CatalogSummaryView summary={summary} today={today} t={t} />
      </main>
    </div>
  );
}
