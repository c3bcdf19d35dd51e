import { z } from 'zod';
import { comparisonKey } from '../text/normalize';

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
  /** Exact name or alias first, then the longest name/alias the given name contains. */
  byName(name: string): ReferenceProcedure | undefined;
  /** Exact name or alias only (a leading "Thủ tục" aside): used once the national directory has had its say. */
  byExactName(name: string): ReferenceProcedure | undefined;
  readonly all: readonly ReferenceProcedure[];
}

export function createReferenceLookup(list: ReferenceList): ReferenceLookup {
  const codes = new Map(list.procedures.filter((p) => p.code).map((p) => [p.code!, p]));
  const names: { key: string; proc: ReferenceProcedure }[] = [];
  for (const proc of list.procedures) {
    for (const n of [proc.name, ...proc.aliases]) names.push({ key: comparisonKey(n), proc });
  }
  // Longest first, so "đăng ký khai sinh có yếu tố nước ngoài" wins over "đăng ký khai sinh".
  names.sort((a, b) => b.key.length - a.key.length);
  const exact = new Map<string, ReferenceProcedure>();
  for (const n of names) if (!exact.has(n.key)) exact.set(n.key, n.proc);
  const dropThuTuc = (key: string) => key.replace(/^thu tuc (?=\S)/, '');
  const exactNoPrefix = new Map<string, ReferenceProcedure>();
  for (const n of names) if (!exactNoPrefix.has(dropThuTuc(n.key))) exactNoPrefix.set(dropThuTuc(n.key), n.proc);
  return {
    all: list.procedures,
    byCode: (code) => codes.get(code.trim()),
    byExactName: (name) => exactNoPrefix.get(dropThuTuc(comparisonKey(name))),
    byName(name) {
      const key = comparisonKey(name);
      if (!key) return undefined;
      const hit = exact.get(key);
      if (hit) return hit;
      const padded = ` ${key} `;
      return names.find((n) => n.key.length >= 8 && padded.includes(` ${n.key} `))?.proc;
    },
  };
}
