import { deadlineStatusDetail, type StatusDetail, type StatusOptions } from './deadline';
import type { Catalog, CatalogItem, Deadline } from './schema';

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

/** Status of one item on a day, judged against the period of the plan it belongs to. */
export function itemStatus(
  catalog: Catalog,
  item: CatalogItem,
  on: string,
  options: Omit<StatusOptions, 'period'> = {},
): StatusDetail {
  const deadline = deadlineOf(catalog, item);
  if (!deadline) return { status: 'unknown' };
  const period = catalog.documents.find((d) => d.key === item.doc)?.period;
  return deadlineStatusDetail(deadline, on, { ...options, period });
}
