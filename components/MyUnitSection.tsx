import { useEffect, useState } from 'react';
import type { STRINGS } from '@/lib/i18n';
import { catalog, MY_UNIT_KEY } from './catalog';

/** Options: the user's own unit, used by the panel's "my unit" filter. */
export function MyUnitSection({ t }: { t: (typeof STRINGS)['vi'] }) {
  const [unit, setUnit] = useState('');
  const [saved, setSaved] = useState(false);
  const units = catalog.units.filter((u) => u.reviewed).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  useEffect(() => {
    void browser.storage.local.get(MY_UNIT_KEY).then((stored) => {
      const value = stored[MY_UNIT_KEY];
      if (typeof value === 'string') setUnit(value);
    });
  }, []);

  const onChange = async (value: string) => {
    setUnit(value);
    await browser.storage.local.set({ [MY_UNIT_KEY]: value });
    setSaved(true);
  };

  return (
    <section className="card" aria-labelledby="my-unit-title">
      <h2 id="my-unit-title">{t.myUnit}</h2>
      <p className="muted" id="my-unit-help">{t.myUnitHelp}</p>
      <label className="host-form">
        <span className="sr-only">{t.myUnit}</span>
        <select data-testid="my-unit" aria-describedby="my-unit-help" value={unit} onChange={(e) => void onChange(e.target.value)}>
          <option value="">{t.none}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {saved && <p role="status" className="ok">{t.saved}</p>}
    </section>
  );
}
