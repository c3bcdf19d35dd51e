import type { DeadlineStatus } from '../catalog/deadline';
import type { Catalog, CatalogItem, DocumentKey } from '../catalog/schema';
import { deadlineOf, itemStatus } from '../catalog/status';
import { format, STRINGS, type Locale, type StringKey } from '../i18n';
import { itemText, itemTitle } from './items';

/**
 * What the panel, the CLI and exports show for one catalog item: its source,
 * units, deadline and status as of a given day. Plain data, no browser.
 */
export interface ItemView {
  ref: string;
  kind: CatalogItem['kind'];
  doc: DocumentKey;
  docTitle: string;
  docDate: string;
  /** Item number as the document writes it: "16", "B25", "M36", "T3", "12/3". */
  number: string;
  title: string;
  content: string;
  leadUnits: string[];
  partnerUnits: string[];
  leadUnitIds: string[];
  partnerUnitIds: string[];
  /** The time the plan sets, as written (a target stated in the cell is in `deadlineTarget`). */
  deadlineRaw: string;
  status: DeadlineStatus;
  /** The day the status names: plan's end, start of the first stage, due day. */
  statusDate?: string;
  /** A target the deadline cell states ("cấp tỉnh và huyện 100%; cấp xã 90%"). */
  deadlineTarget?: string;
  /** Stages of a staged target, each starting on a day. */
  stages?: { from: string; text: string }[];
  /** The plan's period in its words ("năm 2024"), and its last day when it has one. */
  planPeriod: string;
  lines: [number, number];
}

export { deadlineOf };

export function createItemViewer(catalog: Catalog) {
  const units = new Map(catalog.units.map((u) => [u.id, u.name]));
  const docs = new Map(catalog.documents.map((d) => [d.key, d]));
  const names = (ids: string[]) => ids.map((id) => units.get(id) ?? id);
  const statusFields = (item: CatalogItem, today: string) => {
    const deadline = deadlineOf(catalog, item);
    const detail = itemStatus(catalog, item, today);
    return {
      status: detail.status,
      ...(detail.date ? { statusDate: detail.date } : {}),
      ...(deadline?.target ? { deadlineTarget: deadline.target } : {}),
      ...(deadline?.stages ? { stages: deadline.stages } : {}),
    };
  };
  return function view(item: CatalogItem, today: string): ItemView {
    const deadline = deadlineOf(catalog, item);
    const doc = docs.get(item.doc);
    const lead = item.kind === 'target' ? [] : item.leadUnitIds;
    const partner = item.kind === 'target' ? [] : item.partnerUnitIds;
    return {
      ref: item.ref,
      kind: item.kind,
      doc: item.doc,
      docTitle: doc?.shortTitle ?? item.doc,
      docDate: doc?.date ?? '',
      number: item.ref.slice(item.ref.indexOf('#') + 1),
      title: itemTitle(item),
      content: itemText(item),
      leadUnits: names(lead),
      partnerUnits: names(partner),
      leadUnitIds: lead,
      partnerUnitIds: partner,
      deadlineRaw: deadline?.raw ?? '',
      ...statusFields(item, today),
      planPeriod: doc?.period.raw ?? '',
      lines: item.provenance.lines,
    };
  };
}

/** A day as the locale writes it: "31/12/2024" in Vietnamese, ISO in English. */
export function formatDay(iso: string, locale: Locale): string {
  if (locale !== 'vi') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The status tag's words for one item: the short status, or the line with its day
 * ("Hạn theo kế hoạch: Tháng 6/2024", "Kỳ kế hoạch (năm 2024) đã kết thúc 31/12/2024").
 */
export function statusText(view: ItemView, locale: Locale): string {
  const t = STRINGS[locale];
  const key = `statusLine_${view.status}` as StringKey;
  if (!(key in t)) return t[`status_${view.status}` as StringKey];
  return format(t[key], {
    deadline: view.deadlineRaw,
    date: view.statusDate ? formatDay(view.statusDate, locale) : '',
    period: view.planPeriod,
  });
}

/**
 * The plan's name and the item's number in words ("KH Đề án 06 tỉnh Thanh Hóa 2024,
 * nhiệm vụ 16"), for the panel; the ref itself stays in tooltips and the source view.
 */
export function sourceName(view: Pick<ItemView, 'docTitle' | 'kind' | 'number'>, locale: Locale): string {
  const t = STRINGS[locale];
  // "M36" → 36, "T3" → 3; "B25" (a directive's section B) stays; "5/2": the 2nd target of task 5.
  const [head, sub] = view.number.split('/');
  const bare = head.replace(/^[MT](?=\d)/, '');
  const number =
    sub === undefined ? bare : format(t.cnt_sourceSub, { sub: sub.replace(/^[MT](?=\d)/, ''), number: bare });
  return format(t.cnt_sourceName, { doc: view.docTitle, kind: t[`cnt_kind_${view.kind}` as StringKey], number });
}

/**
 * How close an item is to the procedure on screen, for the panel's groups:
 * about the procedure itself (its name or its reference entry), about its
 * field (or a broader topic), practice of every filing, possibly related.
 */
export const PANEL_TIERS = ['procedure', 'field', 'every-filing', 'related'] as const;
export type PanelTier = (typeof PANEL_TIERS)[number];

interface Ranked {
  band: 'specific' | 'every-filing' | 'related';
  score: number;
  reasons: readonly { kind: string; viaTopicId?: string; procedureSource?: string }[];
}

export function panelTier(m: Ranked): PanelTier {
  if (m.band !== 'specific') return m.band;
  const own = m.reasons.some((r) => r.kind === 'topic' && !r.viaTopicId && r.procedureSource !== 'field');
  return own ? 'procedure' : 'field';
}

/**
 * The panel's order: by tier; within a tier, items that are not also general
 * desk practice first (a digitising task that merely names the field goes after
 * the ones about the procedure), then by the matcher's score, then as listed.
 */
export function orderForPanel<T extends Ranked>(items: readonly T[]): T[] {
  const general = (m: Ranked) => (m.reasons.some((r) => r.kind === 'every-filing') ? 1 : 0);
  return items
    .map((m, n) => ({ m, n, tier: PANEL_TIERS.indexOf(panelTier(m)) }))
    .sort((a, b) => a.tier - b.tier || general(a.m) - general(b.m) || b.m.score - a.m.score || a.n - b.n)
    .map((x) => x.m);
}
