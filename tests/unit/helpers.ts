import { buildCatalog, type BuildReport } from '../../lib/catalog/build';
import { readCatalogInputs } from '../../scripts/catalog-io';

let cached: BuildReport | null = null;

/** The catalog built from the real seeds (once per test file). */
export function realBuild(): BuildReport {
  cached ??= buildCatalog(readCatalogInputs());
  return cached;
}
