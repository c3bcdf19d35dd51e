import { z } from 'zod';
import { PAGE_KINDS, type RecognizedPage } from './page';

const short = z.string().max(300);

export const RecognizedProcedureSchema = z
  .object({
    code: z.string().max(40).optional(),
    portalId: z.string().max(40).optional(),
    name: short.optional(),
    field: short.optional(),
    level: short.optional(),
    agency: short.optional(),
  })
  .strict();

/** Validates what crosses from the content script; `satisfies` keeps it equal to the plain type. */
export const RecognizedPageSchema = z
  .object({
    site: z.string().max(40),
    pageKind: z.enum(PAGE_KINDS),
    url: z.string().url().max(2048),
    procedure: RecognizedProcedureSchema.nullable(),
    dossierCode: z.string().max(60).optional(),
    confidence: z.number().min(0).max(1),
    evidence: z.object({
      urlRule: z.string().max(80).nullable(),
      landmarks: z.array(z.string().max(120)).max(60),
      tried: z.array(z.string().max(160)).max(60),
    }),
  })
  .strict() satisfies z.ZodType<RecognizedPage>;
