import type { Catalog, CatalogItem } from '../catalog/schema';

/** Every task, model and target of the catalog, in catalog order. */
export function catalogItems(catalog: Catalog): CatalogItem[] {
  return [...catalog.tasks, ...catalog.models, ...catalog.targets];
}

/**
 * The words of an item that say what it is about. Models: name and goal
 * (their assignment paragraphs list every sector and would match anything).
 */
export function itemText(item: CatalogItem): string {
  switch (item.kind) {
    case 'task':
      return item.content;
    case 'model':
      return [item.name, item.goal ?? ''].join('. ');
    case 'target':
      return item.statement;
  }
}

/** A one-line title for lists and search results. */
export function itemTitle(item: CatalogItem): string {
  return item.kind === 'model' ? item.name : itemText(item);
}
