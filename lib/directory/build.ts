import { collapseSpaces } from '../text/normalize';
import type { DirectoryData } from './data';
import { SourceFileSchema, SourceRecordSchema, type SourceRecord } from './schema';

/** A record the build left out, and why. */
export interface RejectedRecord {
  /** Position in the source file's `procedures` array. */
  index: number;
  code: string;
  name: string;
  reasons: string[];
}

export interface DirectoryBuildReport {
  data: DirectoryData;
  stats: {
    records: number;
    kept: number;
    rejected: number;
    duplicateCodes: number;
    duplicatePortalIds: number;
    fields: number;
    levels: number;
    agencies: number;
    emptyField: number;
  };
  rejected: RejectedRecord[];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Validate every record of the source file (zod, one by one) and write the
 * compact columns. Records that fail (code without the national shape,
 * portal id not a UUIDv7, no name) and second records for a code or portal id
 * already taken are left out and listed in `rejected` with their reasons —
 * never silently kept or dropped.
 */
export function buildDirectory(source: unknown, meta: { file: string; sha256: string }): DirectoryBuildReport {
  const file = SourceFileSchema.parse(source);
  const rejected: RejectedRecord[] = [];
  const kept: SourceRecord[] = [];
  const byCode = new Map<string, number>();
  const byId = new Map<string, number>();
  let duplicateCodes = 0;
  let duplicatePortalIds = 0;
  file.procedures.forEach((raw, index) => {
    const r = raw as Record<string, unknown> | null;
    const code = str(r?.code);
    const name = str(r?.name);
    const parsed = SourceRecordSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({
        index, code, name,
        reasons: parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`),
      });
      return;
    }
    const rec = { ...parsed.data, name: collapseSpaces(parsed.data.name), field: collapseSpaces(parsed.data.field) };
    const reasons: string[] = [];
    if (byCode.has(rec.code)) {
      duplicateCodes++;
      reasons.push(`code ${rec.code} already at record ${byCode.get(rec.code)}`);
    }
    if (byId.has(rec.portalId)) {
      duplicatePortalIds++;
      reasons.push(`portalId ${rec.portalId} already at record ${byId.get(rec.portalId)}`);
    }
    if (reasons.length) {
      rejected.push({ index, code, name, reasons });
      return;
    }
    byCode.set(rec.code, index);
    byId.set(rec.portalId, index);
    kept.push(rec);
  });
  // A malformed code that is a longer spelling of a kept one is worth saying so.
  for (const r of rejected) {
    const national = /^\d\.\d{6}/.exec(r.code)?.[0];
    if (national && national !== r.code && byCode.has(national)) r.reasons.push(`looks like ${national}, which the directory also lists`);
  }

  const interner = () => {
    const values: string[] = [];
    const index = new Map<string, number>();
    return {
      values,
      of(value: string): number {
        let i = index.get(value);
        if (i === undefined) {
          i = values.length;
          values.push(value);
          index.set(value, i);
        }
        return i;
      },
    };
  };
  const fields = interner();
  const levels = interner();
  const agencies = interner();
  kept.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const data: DirectoryData = {
    v: 1,
    source: {
      file: meta.file,
      sha256: meta.sha256,
      crawledAt: file.source?.crawledAt,
      repository: file.source?.repository,
      commit: file.source?.commit,
    },
    fields: fields.values,
    levels: levels.values,
    agencies: agencies.values,
    code: kept.map((r) => r.code),
    id: kept.map((r) => r.portalId),
    name: kept.map((r) => r.name),
    field: kept.map((r) => fields.of(r.field)),
    level: kept.map((r) => levels.of(r.level)),
    agency: kept.map((r) => agencies.of(r.agency)),
  };
  return {
    data,
    stats: {
      records: file.procedures.length,
      kept: kept.length,
      rejected: rejected.length,
      duplicateCodes,
      duplicatePortalIds,
      fields: fields.values.length,
      levels: levels.values.length,
      agencies: agencies.values.length,
      emptyField: kept.filter((r) => !r.field).length,
    },
    rejected,
  };
}
