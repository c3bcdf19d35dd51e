import { DEADLINE_STATUSES, type DeadlineStatus } from './deadline';
import { itemStatus } from './status';
import type { Catalog, DocumentKey } from './schema';

export interface DocumentSummary {
  key: DocumentKey;
  shortTitle: string;
  date: string;
  tasks: number;
  models: number;
  targets: number;
  defects: number;
}

export interface CatalogSummary {
  tasks: number;
  models: number;
  targets: number;
  units: number;
  documents: DocumentSummary[];
  statuses: Record<DeadlineStatus, number>;
}

/** Sizes per document and deadline statuses on a given day, for the panel. */
export function summarizeCatalog(catalog: Catalog, on: string): CatalogSummary {
  const statuses = Object.fromEntries(DEADLINE_STATUSES.map((s) => [s, 0])) as Record<DeadlineStatus, number>;
  for (const item of [...catalog.tasks, ...catalog.models]) statuses[itemStatus(catalog, item, on).status] += 1;
  return {
    tasks: catalog.tasks.length,
    models: catalog.models.length,
    targets: catalog.targets.length,
    units: catalog.units.length,
    statuses,
    documents: catalog.documents.map((d) => ({
      key: d.key,
      shortTitle: d.shortTitle,
      date: d.date,
      tasks: catalog.tasks.filter((t) => t.doc === d.key).length,
      models: catalog.models.filter((m) => m.doc === d.key).length,
      targets: catalog.targets.filter((t) => t.doc === d.key).length,
      defects: catalog.defects.filter((x) => x.doc === d.key).length,
    })),
  };
}

/** Local calendar date as YYYY-MM-DD (the user's "today"). */
export function localIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
