import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { DEADLINE_STATUSES, type DeadlineStatus } from '@/lib/catalog/deadline';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import type { Directory } from '@/lib/directory/lookup';
import { MATCH_BANDS, type MatchBand, type ProcedureQuery } from '@/lib/match';
import { catalog, getMatcher, viewItem } from '@/lib/match/shipped';
import { orderForPanel, panelTier, PANEL_TIERS } from '@/lib/match/present';
import { ItemCard } from './ItemCard';

interface Props {
  query: ProcedureQuery;
  /** The national directory once loaded. */
  directory?: Directory;
  t: (typeof STRINGS)['vi'];
  locale: Locale;
  today: string;
  /** The plan units the officer's office stands for (Options). */
  myUnits: readonly string[];
}

/**
 * Every specific item is shown; of the others (the same for every filing),
 * this many per section before "show more", to keep the first render short.
 */
const FIRST_OTHERS = 5;
const STATUS_ORDER: readonly DeadlineStatus[] = DEADLINE_STATUSES;

/** The items of the plans that apply to the recognized procedure, with filters. */
export function MatchView({ query, directory, t, locale, today, myUnits }: Props) {
  const myUnit = myUnits.length > 0;
  const [band, setBand] = useState<MatchBand | 'all'>('all');
  const [doc, setDoc] = useState<string>('all');
  const [mine, setMine] = useState(false);
  const [role, setRole] = useState<'any' | 'lead'>('any');
  const [sort, setSort] = useState<'relevance' | 'status'>('relevance');

  // The full-text "possibly related" band comes one frame after the first list.
  const [withRelated, setWithRelated] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWithRelated(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const result = useMemo(() => getMatcher().match(query, { related: withRelated, directory }), [query, withRelated, directory]);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const rows = useMemo(
    () => result.items.map((m) => ({ match: m, view: viewItem(getMatcher().item(m.ref)!, today) })),
    [result, today],
  );
  useLayoutEffect(() => {
    // Read by `npm run bench` (panelFirstRenderMs): the first list is in the DOM.
    if (performance.getEntriesByName('da06-first-list').length === 0) performance.mark('da06-first-list');
  }, []);
  const mineIn = (ids: string[]) => ids.some((id) => myUnits.includes(id));
  // Every filter but the band one: the headline counts follow them (the band filter picks a count).
  const filtered = rows
    .filter((r) => doc === 'all' || r.view.doc === doc)
    .filter((r) => !mine || !myUnit || mineIn(r.view.leadUnitIds) || (role === 'any' && mineIn(r.view.partnerUnitIds)));
  const filtering = doc !== 'all' || (mine && myUnit);
  // An item restating another (a target stated in its task, the same sentence in
  // another plan) is shown with that item and not counted on its own.
  const countOf = (list: typeof rows) =>
    Object.fromEntries(MATCH_BANDS.map((b) => [b, list.filter((r) => r.match.band === b && !r.match.restates).length])) as Record<MatchBand, number>;
  const counts = countOf(filtered);
  const totals = countOf(rows);

  const shown = filtered.filter((r) => band === 'all' || r.match.band === band);
  const ordered = orderForPanel(shown.map((r) => ({ ...r.match, row: r }))).map((m) => m.row);
  if (sort === 'status') {
    ordered.sort((a, b) => STATUS_ORDER.indexOf(a.view.status) - STATUS_ORDER.indexOf(b.view.status));
  }
  const shownRefs = new Set(ordered.map((r) => r.view.ref));
  const restatedBy = new Map<string, typeof ordered>();
  for (const r of ordered) {
    const to = r.match.restates;
    if (to && shownRefs.has(to)) restatedBy.set(to, [...(restatedBy.get(to) ?? []), r]);
  }
  const topLevel = ordered.filter((r) => !r.match.restates || !shownRefs.has(r.match.restates));
  const districtDocs = new Set(catalog.documents.filter((d) => d.level === 'district').map((d) => d.key));
  const hasDistrictItems = shown.some((r) => districtDocs.has(r.view.doc) || /huyện/i.test(r.view.leadUnits.join(' ')));

  return (
    <section className="card" aria-labelledby="match-title" data-testid="match-view">
      <h2 id="match-title">{t.applicableItems}</h2>
      <p className="muted" data-testid="match-summary" aria-live="polite">
        <span data-testid="band-count-specific">{counts.specific}</span> {t.count_specific} ·{' '}
        <span data-testid="band-count-every-filing">{counts['every-filing']}</span> {t.count_every} ·{' '}
        <span data-testid="band-count-related">{counts.related}</span> {t.count_related}
        {filtering && (
          <span data-testid="match-summary-totals">
            {' '}({format(t.cnt_filtered, { specific: totals.specific, every: totals['every-filing'], related: totals.related })})
          </span>
        )}
      </p>
      {totals.specific === 0 && (
        <p className="empty" data-testid="no-specific">
          {result.procedure.topics.length === 0 ? t.unknownProcedure : t.noSpecific}
        </p>
      )}
      <div className="filters" role="group" aria-label={t.band} id="filters" tabIndex={-1}>
        <label>
          {t.band}
          <select id="filter-band" data-testid="filter-band" value={band} onChange={(e) => setBand(e.target.value as MatchBand | 'all')}>
            <option value="all">{t.band_all}</option>
            {MATCH_BANDS.map((b) => (
              <option key={b} value={b}>
                {t[`band_${b}`]} ({counts[b]})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.document}
          <select data-testid="filter-doc" value={doc} onChange={(e) => setDoc(e.target.value)}>
            <option value="all">{t.allDocuments}</option>
            {catalog.documents.map((d) => (
              <option key={d.key} value={d.key}>
                {d.shortTitle}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.sort}
          <select data-testid="sort" value={sort} onChange={(e) => setSort(e.target.value as 'relevance' | 'status')}>
            <option value="relevance">{t.sort_relevance}</option>
            <option value="status">{t.sort_status}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="filter-mine" checked={mine} disabled={!myUnit} onChange={(e) => setMine(e.target.checked)} />
          {t.myUnitOnly}
          {!myUnit && <span className="muted"> — {t.myUnitNotSet}</span>}
        </label>
        {mine && myUnit && (
          <label>
            {t.myUnitRole}
            <select data-testid="filter-role" value={role} onChange={(e) => setRole(e.target.value as 'any' | 'lead')}>
              <option value="any">{t.role_any}</option>
              <option value="lead">{t.role_lead}</option>
            </select>
          </label>
        )}
      </div>
      {hasDistrictItems && <p className="note">{t.districtNote}</p>}
      {shown.length === 0 && <p className="empty">{t.noItems}</p>}
      <p className="order-note" data-testid="order-note">{t.cnt_orderNote}</p>
      <div id="match-list" tabIndex={-1}>
        {PANEL_TIERS.map((tier) => {
          const list = topLevel.filter((r) => panelTier(r.match) === tier);
          if (list.length === 0) return null;
          // Every specific item is shown; of the others, the first few before "show more".
          const open = expanded[tier] || tier === 'procedure' || tier === 'field';
          const visible = open ? list : list.slice(0, FIRST_OTHERS);
          return (
            <section key={tier} className="tier" aria-labelledby={`tier-${tier}`} data-testid={`group-${tier}`} data-count={list.length}>
              <h3 id={`tier-${tier}`}>
                {t[`cnt_tier_${tier}`]} ({list.length})
              </h3>
              <ul className="items">
                {visible.map((r) => (
                  <ItemCard
                    key={r.view.ref}
                    view={r.view}
                    match={r.match}
                    t={t}
                    locale={locale}
                    restatedBy={(restatedBy.get(r.view.ref) ?? []).map((x) => x.view)}
                  />
                ))}
              </ul>
              {visible.length < list.length && (
                <button type="button" className="more" data-testid={`more-${tier}`} onClick={() => setExpanded({ ...expanded, [tier]: true })}>
                  {format(t.showMore, { count: list.length - visible.length })}
                </button>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
