import { useEffect, useMemo, useRef, useState } from 'react';
import { pageDrafts } from '@/lib/drafts';
import type { Unit } from '@/lib/catalog/schema';
import { format, type STRINGS, type StringKey } from '@/lib/i18n';
import { formatDay } from '@/lib/match/present';
import { catalog } from '@/lib/match/shipped';
import { myPlanUnits, profileSetting, ProfileSchema, type Profile } from '@/lib/settings';
import { useProfile } from './settings';

type Level = Unit['level'];

/** The profile is saved this long after the last key press (kept on this computer at once). */
const PROFILE_DEBOUNCE_MS = 500;
const DRAFT = ['profile'];
/** The profile as stored (trimmed, defaults filled), to compare a form with what is saved. */
const normal = (p: Profile) => JSON.stringify(ProfileSchema.parse(p));
const LEVELS: Level[] = ['commune', 'province', 'district', 'all-levels', 'central'];

/**
 * Options: the staff member's profile. The office is free text (its real name, shown
 * on exports); the plan units it stands for are chosen from the reviewed registry by
 * level and kind, and drive the panel's "my unit" filter.
 */
export function MyUnitSection({ t }: { t: (typeof STRINGS)['vi'] }) {
  const { value: stored, ready } = useProfile();
  const drafts = useMemo(() => pageDrafts(), []);
  // The form edits a copy, saved as you type (debounced) and kept on this computer at once,
  // so a tab closed mid-typing loses nothing; it follows the stored profile when another page changes it.
  const [profile, setProfile] = useState<Profile>(stored);
  const [seen, setSeen] = useState(stored);
  const [status, setStatus] = useState<'saved' | 'saving' | 'draft' | null>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (seen !== stored) {
    setSeen(stored);
    // Our own save coming back (trimmed) must not rewrite what is being typed.
    if (normal(stored) !== normal(profile) && status !== 'draft') setProfile(stored);
  }
  const [level, setLevel] = useState<Level>('commune');
  const [kind, setKind] = useState<string>('all');
  // Only reviewed units with a real identity: no "các cơ quan liên quan"-style groups.
  const registry = catalog.units.filter((u) => u.reviewed && u.kind !== 'nhom');
  const nameOf = new Map(catalog.units.map((u) => [u.id, u.name]));
  const atLevel = registry.filter((u) => u.level === level);
  const kinds = [...new Set(atLevel.map((u) => u.kind ?? 'khac'))];
  const choices = atLevel
    .filter((u) => kind === 'all' || u.kind === kind)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const chosen = myPlanUnits(profile);

  const save = async (next: Profile) => {
    clearTimeout(typing.current);
    setProfile(next);
    setStatus('saving');
    await profileSetting.set(next);
    drafts.remove(DRAFT);
    setStatus('saved');
  };
  const type = (next: Profile) => {
    setProfile(next);
    drafts.set(DRAFT, JSON.stringify(next));
    setStatus('draft');
    clearTimeout(typing.current);
    typing.current = setTimeout(() => void save(next), PROFILE_DEBOUNCE_MS);
  };
  // A profile typed when the page closed is found again and saved once the stored one is read.
  const restored = useRef(false);
  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    const raw = drafts.get(DRAFT);
    if (!raw) return;
    try {
      const draft = ProfileSchema.parse(JSON.parse(raw));
      if (normal(draft) === normal(stored)) drafts.remove(DRAFT);
      else void Promise.resolve().then(() => save(draft));
    } catch {
      drafts.remove(DRAFT);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the stored profile is read
  }, [ready]);
  useEffect(() => () => clearTimeout(typing.current), []);
  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...chosen.filter((x) => x !== id), id] : chosen.filter((x) => x !== id);
    // The legacy single unit follows the first choice, so older readers still see one.
    void save({ ...profile, planUnitIds: ids, unitId: ids[0] ?? '' });
  };

  return (
    <section className="card" aria-labelledby="my-unit-title">
      <h2 id="my-unit-title">{t.profileTitle}</h2>
      <p className="muted" id="my-unit-help">{t.profileHelp}</p>
      {/* Disabled until the stored profile is read: an early edit would save defaults over it. */}
      <fieldset className="host-form" disabled={!ready} data-ready={ready}>
        <label>
          {t.profileName}
          <input data-testid="profile-name" value={profile.name} maxLength={100} onChange={(e) => type({ ...profile, name: e.target.value })} />
        </label>
        <label>
          {t.profileOffice}
          <input
            data-testid="profile-office"
            value={profile.office}
            maxLength={120}
            aria-describedby="office-hint"
            onChange={(e) => type({ ...profile, office: e.target.value })}
          />
        </label>
        <p className="muted" id="office-hint">{t.profileOfficeHint}</p>
        <fieldset data-testid="plan-units">
          <legend>{t.planUnits}</legend>
          <p className="muted" id="plan-units-help">{t.planUnitsHelp}</p>
          <label>
            {t.planUnitLevel}
            <select data-testid="plan-unit-level" value={level} onChange={(e) => { setLevel(e.target.value as Level); setKind('all'); }}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>{t[`unitLevel_${l}` as StringKey]}</option>
              ))}
            </select>
          </label>
          <label>
            {t.planUnitKind}
            <select data-testid="plan-unit-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="all">{t.allKinds}</option>
              {kinds.map((k) => (
                <option key={k} value={k}>{t[`unitKind_${k}` as StringKey]}</option>
              ))}
            </select>
          </label>
          {choices.length === 0 && <p className="empty">{t.noPlanUnitsHere}</p>}
          <ul className="plan-unit-list" aria-describedby="plan-units-help">
            {choices.map((u) => (
              <li key={u.id}>
                <label className="check">
                  <input type="checkbox" data-testid={`plan-unit-${u.id}`} checked={chosen.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
                  {u.name}
                  {u.until && u.successor && (
                    <span className="muted">
                      {' '}({format(t.unitEnded, { date: formatDay(u.until, 'vi'), successor: nameOf.get(u.successor) ?? u.successor })})
                    </span>
                  )}
                </label>
              </li>
            ))}
          </ul>
          {chosen.length > 0 && (
            <p data-testid="plan-units-chosen">
              {t.myUnit}: {chosen.map((id) => nameOf.get(id) ?? id).join('; ')}
            </p>
          )}
        </fieldset>
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
      <p role="status" className={status === 'saved' ? 'ok' : 'muted'} data-testid="profile-saved">
        {status === 'saved' ? t.cnt_profileSaved : status === 'saving' ? t.cnt_profileSaving : status === 'draft' ? t.cnt_noteDraft : ''}
      </p>
    </section>
  );
}
