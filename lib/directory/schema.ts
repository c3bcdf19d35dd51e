import { z } from 'zod';
import { DIRECTORY_CODE, PORTAL_ID } from './data';

export type { DirectoryData } from './data';

/**
 * The national procedure directory (data/national-procedures-2026-07.json,
 * a copy of shared/data/…): one record per national code. This schema is
 * used at build time only; the extension reads the compact file the build
 * writes (DirectoryData), already validated.
 */

const text = z.string().trim().min(1);

export const SourceRecordSchema = z.object({
  code: z.string().trim().regex(DIRECTORY_CODE, { message: 'not a national code (d.dddddd)' }),
  portalId: z.string().trim().toLowerCase().regex(PORTAL_ID, { message: 'not a UUIDv7 portal id' }),
  name: text,
  level: text,
  // Empty for a few records in principle; kept as "" then.
  field: z.string().trim(),
  agency: z.string().trim(),
  lifeEvents: z.array(z.string()).default([]),
});
export type SourceRecord = z.infer<typeof SourceRecordSchema>;

export const SourceFileSchema = z.object({
  about: z.string().optional(),
  source: z
    .object({ repository: z.string(), commit: z.string(), crawledAt: z.string() })
    .loose()
    .optional(),
  count: z.number().int().optional(),
  // Records are validated one by one, so that one bad record is reported, not fatal.
  procedures: z.array(z.unknown()).min(1),
});
