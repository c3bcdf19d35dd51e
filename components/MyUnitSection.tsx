import { useState } from 'react';
import type { STRINGS } from '@/lib/i18n';
import { catalog } from '@/lib/match/shipped';
import { profileSetting, type Profile } from '@/lib/settings';
import { useProfile } from './settings';

/**
 * Options: the staff member's profile (name, unit, level, demo mode). The unit
 * also drives the panel's "my unit" filter; name and unit are shown on exports.
 */
export function MyUnitSection({ t }: { t: (typeof STRINGS)['vi'] }) {
  const { value: stored, ready } = useProfile();
  // The form edits a copy (the name is saved on blur) that follows the stored profile when another page changes it.
  const [profile, setProfile] = useState<Profile>(stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setProfile(stored);
  }
  const [saved, setSaved] = useState(false);
  const units = catalog.units.filter((u) => u.reviewed).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const save = async (next: Profile) => {
    setProfile(next);
    await profileSetting.set(next);
    setSaved(true);
  };

  return (
    <section className="card" aria-labelledby="my-unit-title">
      <h2 id="my-unit-title">{t.profileTitle}</h2>
      <p className="muted" id="my-unit-help">{t.profileHelp}</p>
      {/* Disabled until the stored profile is read: an early edit would save defaults over it. */}
      <fieldset className="host-form" disabled={!ready} data-ready={ready}>
        <label>
          {t.profileName}
          <input data-testid="profile-name" value={profile.name} maxLength={100} onChange={(e) => setProfile({ ...profile, name: e.target.value })} onBlur={() => void save(profile)} />
        </label>
        <label>
          {t.myUnit}
          <select data-testid="my-unit" aria-describedby="my-unit-help" value={profile.unitId} onChange={(e) => void save({ ...profile, unitId: e.target.value })}>
            <option value="">{t.none}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.profileLevel}
          <select data-testid="profile-level" value={profile.level} onChange={(e) => void save({ ...profile, level: e.target.value as Profile['level'] })}>
            <option value="">{t.none}</option>
            <option value="xa">{t.level_xa}</option>
            <option value="tinh">{t.level_tinh}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="profile-demo" checked={profile.demo} onChange={(e) => void save({ ...profile, demo: e.target.checked })} />
          {t.demoMode}
        </label>
      </fieldset>
      {saved && <p role="status" className="ok">{t.saved}</p>}
    </section>
  );
}
