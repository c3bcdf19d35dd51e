import { deadlineStatus, type DeadlineStatus } from '../catalog/deadline';
import type { Catalog, CatalogItem, Deadline, DocumentKey } from '../catalog/schema';
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
  deadlineRaw: string;
  status: DeadlineStatus;
  lines: [number, number];
}

/** Targets take the deadline of the task they come from, or their own period. */
export function deadlineOf(catalog: Catalog, item: CatalogItem): Deadline | undefined {
  if (item.kind !== 'target') return item.deadline;
  if (item.taskRef) {
    const task = catalog.tasks.find((t) => t.ref === item.taskRef);
    if (task) return task.deadline;
  }
  const due = item.period.due;
  if (!due) return undefined;
  return { raw: item.period.raw ?? due, kind: 'date', parts: [{ kind: 'date', date: due }], due };
}

export function createItemViewer(catalog: Catalog) {
  const units = new Map(catalog.units.map((u) => [u.id, u.name]));
  const docs = new Map(catalog.documents.map((d) => [d.key, d]));
  const names = (ids: string[]) => ids.map((id) => units.get(id) ?? id);
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
      status: deadline ? deadlineStatus(deadline, today) : 'unknown',
      lines: item.provenance.lines,
    };
  };
}
