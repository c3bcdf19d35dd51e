import type { STRINGS } from '@/lib/i18n';
import type { TabState } from '@/lib/messages';

interface Props {
  tab: TabState | null;
  t: (typeof STRINGS)['vi'];
}

/** What the sensor reported for the tab the panel follows (text only, never HTML). */
export function CurrentPage({ tab, t }: Props) {
  let host = '';
  let path = '';
  if (tab) {
    try {
      const url = new URL(tab.url);
      host = url.host;
      path = url.pathname + url.search;
    } catch {
      host = tab.url;
    }
  }
  return (
    <section aria-labelledby="current-page-title" className="card">
      <h2 id="current-page-title">{t.currentPage}</h2>
      {tab ? (
        <div data-testid="current-page">
          <p className="muted">{t.portalPageSeen}</p>
          <p className="page-title">{tab.title || host}</p>
          <p className="url">
            <span data-testid="current-host">{host}</span>
            <span className="muted">{path}</span>
          </p>
        </div>
      ) : (
        <p data-testid="no-portal-page" className="empty">
          {t.noPortalPage}
        </p>
      )}
    </section>
  );
}
