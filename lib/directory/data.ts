/** The directory's shapes without zod: this module is bundled where the directory is read at run time. */

/** National code: a digit, a dot, six digits (shared/docs/portals.md §6). */
export const DIRECTORY_CODE = /^\d\.\d{6}$/;
/** The portal's ids are UUIDv7 (portals.md §6). */
export const PORTAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The compact file shipped in the extension (public/data/directory.json):
 * columns of equal length; field, level and agency are indexes into their
 * own lists of distinct values.
 */
export interface DirectoryData {
  v: 1;
  source: { file: string; sha256: string; crawledAt?: string; repository?: string; commit?: string };
  fields: string[];
  levels: string[];
  agencies: string[];
  code: string[];
  id: string[];
  name: string[];
  field: number[];
  level: number[];
  agency: number[];
}

/** A cheap shape check for data read at run time (no zod in the worker or panel start-up). */
export function isDirectoryData(value: unknown): value is DirectoryData {
  const d = value as Partial<DirectoryData> | null;
  if (!d || d.v !== 1 || !Array.isArray(d.code)) return false;
  const n = d.code.length;
  return [d.id, d.name, d.field, d.level, d.agency].every((col) => Array.isArray(col) && col.length === n)
    && Array.isArray(d.fields) && Array.isArray(d.levels) && Array.isArray(d.agencies);
}
