import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { defineSetting } from './setting';

/** The staff member's own profile (Options); shown on exports and filings. Never citizens' data. */
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

export const EMPTY_PROFILE: Profile = Object.freeze(ProfileSchema.parse({}));

/** Any stored shape → a complete profile; null when it is not a profile at all. */
export function parseProfile(raw: unknown): Profile | null {
  const parsed = ProfileSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : null;
}

/**
 * Storage keys and versions:
 * - `da06.myUnit` (until 2026-11): the unit chosen in Options, a catalog unit id string;
 * - `da06.profile` v1 (no version stored): the profile object as Options wrote it,
 *   fields possibly missing;
 * - `da06.profile` v2: a complete profile; the old unit key is folded in and removed.
 */
export const PROFILE_KEY = 'local:da06.profile' as const;
export const LEGACY_UNIT_KEY = 'local:da06.myUnit' as const;

async function takeLegacyUnit(): Promise<string> {
  const unit = await storage.getItem<unknown>(LEGACY_UNIT_KEY);
  return typeof unit === 'string' ? unit : '';
}

export const profileSetting = defineSetting<Profile>(PROFILE_KEY, {
  fallback: EMPTY_PROFILE,
  version: 2,
  migrations: {
    2: async (old) => {
      const profile = parseProfile(old) ?? { ...EMPTY_PROFILE };
      const legacyUnit = await takeLegacyUnit();
      if (!profile.unitId && legacyUnit) profile.unitId = legacyUnit;
      // Removed only once it lives in the profile (or the profile already had its own unit).
      await storage.removeItem(LEGACY_UNIT_KEY);
      return profile;
    },
  },
  parse: parseProfile,
  // A unit chosen before profiles existed, and no profile saved since.
  adopt: async () => {
    const legacyUnit = await takeLegacyUnit();
    return legacyUnit ? { ...EMPTY_PROFILE, unitId: legacyUnit } : null;
  },
  forget: () => storage.removeItem(LEGACY_UNIT_KEY),
});

/** The plan units the officer's office stands for (the "my unit" filter). */
export function myPlanUnits(profile: Profile): string[] {
  if (profile.planUnitIds.length > 0) return profile.planUnitIds;
  return profile.unitId ? [profile.unitId] : [];
}

/** What ticks, exports and the report call the officer's unit: the office, else the first plan unit's name. */
export function officeLabel(profile: Profile, unitName: (id: string) => string | undefined = () => undefined): string {
  if (profile.office) return profile.office;
  const first = myPlanUnits(profile)[0];
  return first ? unitName(first) ?? first : '';
}

/**
 * The officer a tick or filing is attributed to: the office's own name when given,
 * else the first plan unit (its name when `unitName` knows it).
 */
export function staffContext(
  profile: Profile,
  unitName?: (id: string) => string | undefined,
): { staff: string; unit: string; demo: boolean } {
  return { staff: profile.name, unit: officeLabel(profile, unitName), demo: profile.demo };
}
