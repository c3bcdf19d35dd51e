import { z } from 'zod';

/** The staff member's own profile (Options); shown on exports. Never citizens' data. */
export const PROFILE_KEY = 'da06.profile';

export const ProfileSchema = z.object({
  name: z.string().trim().max(100).default(''),
  unitId: z.string().max(100).default(''),
  level: z.enum(['', 'xa', 'tinh']).default(''),
  /** Trainers: ticks are flagged as demo and left out of reports unless asked. */
  demo: z.boolean().default(false),
});
export type Profile = z.infer<typeof ProfileSchema>;

export function parseProfile(raw: unknown): Profile {
  const parsed = ProfileSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ProfileSchema.parse({});
}
