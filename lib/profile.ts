import { z } from 'zod';

/** The staff member's own profile (Options); shown on exports. Never citizens' data. */
export const PROFILE_KEY = 'da06.profile';

export const ProfileSchema = z.object({
  name: z.string().trim().max(100).default(''),
  /** Legacy single plan unit; `planUnitIds` supersedes it (kept so stored profiles still read). */
  unitId: z.string().max(100).default(''),
  /** The officer's real office, free text ("UBND phường Hạc Thành", "Công an xã Quảng Phú"). */
  office: z.string().trim().max(120).default(''),
  /** The plan units the office stands for, chosen from the registry (e.g. UBND cấp xã, Bộ phận một cửa). */
  planUnitIds: z.array(z.string().max(100)).max(20).default([]),
  level: z.enum(['', 'xa', 'tinh']).default(''),
  /** Trainers: ticks are flagged as demo and left out of reports unless asked. */
  demo: z.boolean().default(false),
});
export type Profile = z.infer<typeof ProfileSchema>;

export function parseProfile(raw: unknown): Profile {
  const parsed = ProfileSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ProfileSchema.parse({});
}

/** The plan units the officer's office stands for (the "my unit" filter). */
export function myPlanUnits(profile: Profile): string[] {
  if (profile.planUnitIds.length > 0) return profile.planUnitIds;
  return profile.unitId ? [profile.unitId] : [];
}

/** What exports and the report call the officer's unit: the office, else the first plan unit's name. */
export function officeLabel(profile: Profile, unitName: (id: string) => string | undefined): string {
  if (profile.office) return profile.office;
  const first = myPlanUnits(profile)[0];
  return first ? unitName(first) ?? first : '';
}
