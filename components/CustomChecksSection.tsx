import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CustomCheckSchema, type CustomCheck } from '@/lib/checklist/library';
import type { STRINGS } from '@/lib/i18n';
import { classifyError } from '@/lib/journal/journal';
import { getMatcher } from '@/lib/match/shipped';
import { journalDb } from '@/services/journal';

/**
 * Options: checks written by trainers and supervisors. They live in the
 * journal database (so they export with the ticks), never overwrite the
 * reviewed library, and are retired rather than deleted.
 */
export function CustomChecksSection({ t, locale }: { t: (typeof STRINGS)['vi']; locale: 'vi' | 'en' }) {
  const checks = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const [label, setLabel] = useState('');
  const [topic, setTopic] = useState('all');
  const [editing, setEditing] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const topics = [...getMatcher().tagger.topics.values()].filter((x) => x.band === 'specific');

  const write = async (check: CustomCheck) => {
    const parsed = CustomCheckSchema.safeParse(check);
    if (!parsed.success) {
      setMessage({ error: true, text: t.customInvalid });
      return;
    }
    try {
      await journalDb.customChecks.put(parsed.data);
      setMessage({ error: false, text: t.saved });
    } catch (error) {
      setMessage({ error: true, text: classifyError(error).message });
    }
  };

  const add = async () => {
    const now = Date.now();
    await write({ id: `custom-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`, label: label.trim(), appliesTo: topic === 'all' ? 'all' : [topic], createdAt: now, updatedAt: now });
    setLabel('');
  };

  return (
    <section className="card" aria-labelledby="custom-title">
      <h2 id="custom-title">{t.customTitle}</h2>
      <p className="muted">{t.customHelp}</p>
      <form
        className="host-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          {t.customLabel}
          <input data-testid="custom-label" value={label} maxLength={300} required minLength={3} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          {t.customAppliesTo}
          <select data-testid="custom-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="all">{t.customAll}</option>
            {topics.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label[locale]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="custom-add">{t.add}</button>
      </form>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>{message.text}</p>}
      {checks.length === 0 ? (
        <p className="empty">{t.customNone}</p>
      ) : (
        <ul className="hosts" data-testid="custom-list">
          {checks.map((c) => (
            <li key={c.id} data-testid={`custom-${c.id}`} data-retired={c.retiredAt ? 'true' : 'false'}>
              {editing[c.id] !== undefined ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void write({ ...c, label: editing[c.id].trim(), updatedAt: Date.now() }).then(() => setEditing(({ [c.id]: _, ...rest }) => rest));
                  }}
                >
                  <input aria-label={t.customLabel} value={editing[c.id]} maxLength={300} onChange={(e) => setEditing({ ...editing, [c.id]: e.target.value })} />
                  <button type="submit">{t.save}</button>
                </form>
              ) : (
                <span className={c.retiredAt ? 'retired' : undefined}>{c.label}</span>
              )}{' '}
              <span className="muted">({c.appliesTo === 'all' ? t.customAll : c.appliesTo.map((id) => getMatcher().tagger.topics.get(id)?.label[locale] ?? id).join(', ')})</span>{' '}
              {editing[c.id] === undefined && (
                <button type="button" onClick={() => setEditing({ ...editing, [c.id]: c.label })}>{t.edit}</button>
              )}{' '}
              <button
                type="button"
                onClick={() => {
                  const { retiredAt: _r, ...rest } = c;
                  void write(c.retiredAt ? { ...rest, updatedAt: Date.now() } : { ...c, retiredAt: Date.now(), updatedAt: Date.now() });
                }}
              >
                {c.retiredAt ? t.customRestore : t.customRetire}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
