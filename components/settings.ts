import { useEffect, useState } from 'react';
import { localeSetting, profileSetting, type Setting } from '@/lib/settings';

export interface SettingState<T> {
  value: T;
  /** False until the stored value has been read: act on the value (e.g. attribute a filing) only when ready. */
  ready: boolean;
}

/** A setting's value in a view, kept current when any page changes it. */
export function useSetting<T>(setting: Setting<T>): SettingState<T> {
  const [state, setState] = useState<SettingState<T>>(() => {
    const known = setting.current();
    return known === undefined ? { value: setting.fallback, ready: false } : { value: known, ready: true };
  });
  useEffect(() => {
    let live = true;
    let changed = false;
    const unwatch = setting.watch((value) => {
      changed = true;
      if (live) setState({ value, ready: true });
    });
    setting.get().then(
      // A change seen meanwhile is newer than this read.
      (value) => live && !changed && setState({ value, ready: true }),
      (error: unknown) => {
        console.error(`[settings] ${setting.key} could not be read`, error);
        if (live && !changed) setState((s) => ({ ...s, ready: true }));
      },
    );
    return () => {
      live = false;
      unwatch();
    };
  }, [setting]);
  return state;
}

export const useProfile = () => useSetting(profileSetting);
export const useLocale = () => useSetting(localeSetting);
