import { format, type StringKey, type STRINGS } from '@/lib/i18n';
import type { ResolvedProcedure } from '@/lib/match';
import type { TabState } from '@/lib/messages';
import type { RecognizedProcedure } from '@/lib/recognize/page';

interface Props {
  tab: TabState | null;
  t: (typeof STRINGS)['vi'];
  /** The procedure as resolved through the national directory and the reference list. */
  resolved?: ResolvedProcedure | null;
}

const FIELDS: (keyof RecognizedProcedure)[] = ['name', 'code', 'field', 'level', 'agency', 'portalId'];
/** What the directory can add when the page does not show it. */
const FROM_DIRECTORY = ['name', 'code', 'field', 'level'] as const;

/**
 * The procedure recognized on the tab the panel follows. Everything read from
 * a page is rendered as text by React, never as HTML.
 */
export function CurrentPage({ tab, t, resolved }: Props) {
  const page = tab?.page;
  const kindKey = (page ? `kind_${page.pageKind === 'procedure-info' ? 'procedure_info' : page.pageKind}` : 'kind_unknown') as StringKey;
  let host = '';
  if (page) {
    try {
      host = new URL(page.url).host;
    } catch {
      host = page.url;
    }
  }
  return (
    <section aria-labelledby="current-page-title" className="card">
      <h2 id="current-page-title">{t.currentPage}</h2>
      {!page && (
        <p data-testid="no-portal-page" className="empty">
          {t.noPortalPage}
        </p>
      )}
      {page && (
        <div data-testid="current-page" data-kind={page.pageKind}>
          <p className="muted">
            <span data-testid="recognized-kind">{t[kindKey]}</span> · <span data-testid="current-host">{host}</span>
          </p>
          {page.pageKind === 'procedure-list' && <p className="empty">{t.listPage}</p>}
          {page.pageKind === 'unknown' && page.site === 'unreadable' && (
            <p className="empty" data-testid="unreadable-page" role="status">
              {t.boundary_unreadablePage}
            </p>
          )}
          {page.pageKind === 'unknown' && page.site !== 'unreadable' && <p className="empty" data-testid="unknown-page">{t.unknownPage}</p>}
          {page.procedure && (
            <dl className="procedure">
              {page.dossierCode && (
                <div>
                  <dt>{t.field_dossierCode}</dt>
                  <dd data-testid="recognized-dossierCode">{page.dossierCode}</dd>
                </div>
              )}
              {FIELDS.map((f) => {
                const own = page.procedure?.[f];
                // What the page does not show, the national directory may (marked as such).
                const fromDirectory =
                  !own && page.pageKind !== 'procedure-list' && (FROM_DIRECTORY as readonly string[]).includes(f)
                    ? resolved?.directory?.[f as (typeof FROM_DIRECTORY)[number]]
                    : undefined;
                if (!own && !fromDirectory) return null;
                return (
                  <div key={f}>
                    <dt>
                      {t[`field_${f}` as StringKey]}
                      {fromDirectory && <span className="muted"> ({t.fromDirectory})</span>}
                    </dt>
                    <dd data-testid={own ? `recognized-${f}` : `directory-${f}`} className={f === 'name' ? 'page-title' : undefined}>
                      {own || fromDirectory}
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
          {page.procedure && page.pageKind !== 'procedure-list' && resolved && resolved.disagreements.length > 0 && (
            <div className="note" role="note" data-testid="disagreements">
              <p>{t.disagreeTitle}</p>
              <ul>
                {resolved.disagreements.map((d) => (
                  <li key={`${d.what}-${d.source}`} data-testid="disagreement" data-what={d.what}>
                    {format(t[`disagree_${d.what}`], { page: d.page, other: d.other, source: t[`disagreeSource_${d.source}`] })}
                  </li>
                ))}
              </ul>
              <p className="muted">{t.disagreeNote}</p>
            </div>
          )}
          <details className="evidence" data-testid="evidence">
            <summary>{t.cnt_whyRecognized}</summary>
            <p data-testid="evidence-plain">
              {(() => {
                const site = (t as Record<string, string>)[`site_${page.site}`] ?? page.site;
                const confidence = Math.round(page.confidence * 100);
                const read = FIELDS.filter((f) => page.procedure?.[f]).map((f) => t[`field_${f}` as StringKey].toLocaleLowerCase());
                if (page.dossierCode) read.unshift(t.field_dossierCode.toLocaleLowerCase());
                return read.length > 0
                  ? format(t.cnt_whyPlain, { site, fields: read.join(', '), confidence })
                  : format(t.cnt_whyPlainNoFields, { site, confidence });
              })()}
            </p>
            <details data-testid="evidence-technical">
              <summary>{t.cnt_technical}</summary>
              <div className="tech">
                <p>
                  <span data-testid="recognized-site">{page.site}</span> · {t.confidence}: {Math.round(page.confidence * 100)}%
                </p>
                {page.evidence.urlRule && (
                  <p className="url">
                    {t.cnt_techUrlRule}: {page.evidence.urlRule}
                  </p>
                )}
                {page.evidence.landmarks.length > 0 && (
                  <p>
                    {t.whatWasFound}: {page.evidence.landmarks.join(', ')}
                  </p>
                )}
                {page.evidence.tried.length > 0 && (
                  <p>
                    {t.whatWasTried}: {page.evidence.tried.join(', ')}
                  </p>
                )}
                <p className="url">{page.url}</p>
              </div>
            </details>
          </details>
        </div>
      )}
    </section>
  );
}
