/*
 * Settings: typed items in extension storage, one way to read each in every
 * context. The content script and the background import the one file they need
 * (e.g. './user-hosts'), so they do not load the others.
 */
export { defineSetting, type Setting, type SettingOptions } from './setting';
export { EMPTY_PROFILE, myPlanUnits, officeLabel, parseProfile, profileSetting, ProfileSchema, staffContext, type Profile } from './profile';
export { localeSetting, parseLocale } from './locale';
export { userHostsSetting } from './user-hosts';
export { presenterSetting, tourNotesSetting, TourNotesSchema, type Presenter, type TourNotes } from './training';
