import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { parseProfile, PROFILE_KEY, type Profile } from '@/lib/profile';

/** The staff profile from extension storage, kept current when Options changes it. */
export function useProfile(): Profile {
  const [profile, setProfile] = useState<Profile>(() => parseProfile({}));
  useEffect(() => {
    const read = () => void browser.storage.local.get(PROFILE_KEY).then((s) => setProfile(parseProfile(s[PROFILE_KEY])));
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PROFILE_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return profile;
}
