import { z } from 'zod';
import { defineSetting } from './setting';

/*
 * Training (issue 13). Presenter mode: larger type, high contrast, the
 * officer's identity hidden, an "ĐÀO TẠO" marker; while it is on, every tick
 * is flagged demo. Tour notes: the trainer's own words per tour step, carried
 * by training sets.
 */
export const PRESENTER_KEY = 'local:da06.presenter' as const;
export const TOUR_NOTES_KEY = 'local:da06.tourNotes' as const;

export const PresenterSchema = z.object({ on: z.boolean() });
export type Presenter = z.infer<typeof PresenterSchema>;

export const presenterSetting = defineSetting<Presenter>(PRESENTER_KEY, {
  fallback: { on: false },
  version: 1,
  parse: (raw) => {
    const parsed = PresenterSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  },
});

/** tour id → step id → note (plain text, at most 500 characters). */
export const TourNotesSchema = z.record(
  z.string().regex(/^[a-z0-9-]{1,60}$/),
  z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.string().trim().min(1).max(500)),
);
export type TourNotes = z.infer<typeof TourNotesSchema>;

export const tourNotesSetting = defineSetting<TourNotes>(TOUR_NOTES_KEY, {
  fallback: {},
  version: 1,
  parse: (raw) => {
    const parsed = TourNotesSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  },
});
