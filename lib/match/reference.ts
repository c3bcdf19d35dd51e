import { z } from 'zod';
import { nameKey } from '../directory/lookup';

/** The reviewed list of common one-stop procedures (seeds/procedures.json). */
export const ReferenceProcedureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(3),
    code: z.string().regex(/^\d\.\d{6}$/).optional(),
    codeSource: z.string().optional(),
    field: z.string().min(2),
    level: z.string().optional(),
    topics: z.array(z.string()),
    aliases: z.array(z.string().min(3)).default([]),
  })
  .refine((p) => !p.code || p.codeSource, { message: 'a code needs its source' });
export type ReferenceProcedure = z.infer<typeof ReferenceProcedureSchema>;

export const ReferenceListSchema = z
  .object({
    version: z.literal(1),
    sources: z.record(z.string(), z.string()),
    procedures: z.array(ReferenceProcedureSchema).min(1),
  })
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const codes = new Set<string>();
    for (const p of list.procedures) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${p.id}` });
      if (p.code && codes.has(p.code)) ctx.addIssue({ code: 'custom', message: `duplicate code ${p.code}` });
      if (p.codeSource && !(p.codeSource in list.sources)) {
        ctx.addIssue({ code: 'custom', message: `${p.id}: unknown code source ${p.codeSource}` });
      }
      ids.add(p.id);
      if (p.code) codes.add(p.code);
    }
  });
export type ReferenceList = z.infer<typeof ReferenceListSchema>;

export interface ReferenceLookup {
  byCode(code: string): ReferenceProcedure | undefined;
  /**
   * The entry whose name or alias is the given name (folded, a leading
   * "Thủ tục" aside). Never by a shorter name it contains: "Thu hồi chứng
   * nhận đăng ký xe" is not "Đăng ký xe". Other names reach the list through
   * the national directory's code.
   */
  byName(name: string): ReferenceProcedure | undefined;
  readonly all: readonly ReferenceProcedure[];
}

export function createReferenceLookup(list: ReferenceList): ReferenceLookup {
  const codes = new Map(list.procedures.filter((p) => p.code).map((p) => [p.code!, p]));
  const names = new Map<string, ReferenceProcedure>();
  for (const proc of list.procedures) {
    for (const n of [proc.name, ...proc.aliases]) {
      const key = nameKey(n);
      if (key && !names.has(key)) names.set(key, proc);
    }
  }
  return {
    all: list.procedures,
    byCode: (code) => codes.get(code.trim()),
    byName: (name) => names.get(nameKey(name)),
  };
}
