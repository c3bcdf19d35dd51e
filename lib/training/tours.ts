import { TourSchema, type Tour } from './tour';

/*
 * The tours shipped with the extension: every tours/*.json, validated at load
 * (a malformed file fails the unit test and the build's typecheck run, never a trainer).
 */
const files = import.meta.glob<{ default: unknown }>('../../tours/*.json', { eager: true });

export const TOURS: readonly Tour[] = Object.entries(files)
  .map(([path, mod]) => {
    const parsed = TourSchema.safeParse(mod.default);
    if (!parsed.success) throw new Error(`tour ${path}: ${parsed.error.message}`);
    return parsed.data;
  })
  .sort((a, b) => a.id.localeCompare(b.id));

export function tourById(id: string): Tour | undefined {
  return TOURS.find((t) => t.id === id);
}
