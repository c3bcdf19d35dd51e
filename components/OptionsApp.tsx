import { browser } from 'wxt/browser';
import { useState, type FormEvent } from 'react';
import { matchPatternFor, normalizeHost, type UserHost } from '@/lib/hosts/user-hosts';
import { SUGGESTED_HOSTS } from '@/lib/adapters/hosts';
import { SITE_ADAPTERS } from '@/lib/recognize/adapters';
import { format, STRINGS } from '@/lib/i18n';
import { userHostsSetting } from '@/lib/settings';
import { MyUnitSection } from './MyUnitSection';
import { useLocale, useSetting } from './settings';
import { CustomChecksSection } from './CustomChecksSection';

/**
 * Options: hosts the user adds (e.g. a renamed provincial system). Adding one
 * asks the browser for permission on that host only; removing it gives the
 * permission back. The sensor then runs there with the chosen adapter.
 */
export function OptionsApp() {
  const locale = useLocale().value;
  const t = STRINGS[locale];
  const { value: hosts, ready: hostsReady } = useSetting(userHostsSetting);
  const [input, setInput] = useState('');
  const [adapterId, setAdapterId] = useState('generic');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  // The list shown is the stored one (watched), so it never runs ahead of what the background registers.
  const save = (next: UserHost[]) => userHostsSetting.set(next);

  const siteName = (id: string) => (t as Record<string, string>)[`site_${id}`] ?? id;

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    const host = normalizeHost(input);
    if (!host) {
      setMessage({ kind: 'error', text: format(t.hostInvalid, { input }) });
      return;
    }
    addHost(host, adapterId, () => setInput(''));
  };

  /** Ask for this host only, then store it with the adapter that reads it. Must start inside the user's click. */
  const addHost = (host: string, chosen: string, done?: () => void) => {
    if (hosts.some((h) => h.host === host)) {
      setMessage({ kind: 'error', text: format(t.hostDuplicate, { host }) });
      return;
    }
    // The permission request must start inside the user's click.
    browser.permissions
      .request({ origins: [matchPatternFor(host)] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ kind: 'error', text: format(t.hostDenied, { host }) });
          return;
        }
        await save([...hosts, { host, adapterId: chosen }]);
        done?.();
        setMessage({ kind: 'ok', text: format(t.hostAdded, { host }) });
      })
      .catch((error: unknown) => setMessage({ kind: 'error', text: format(t.hostPermissionError, { error: String(error) }) }));
  };

  const onRemove = async (host: string) => {
    await save(hosts.filter((h) => h.host !== host));
    await browser.permissions.remove({ origins: [matchPatternFor(host)] }).catch(() => false);
    setMessage({ kind: 'ok', text: format(t.hostRemoved, { host }) });
  };

  return (
    <main className="panel">
      <h1>{t.optionsTitle}</h1>
      {/* Training (issue 13): the Đào tạo page. */}
      <p>
        <a href={browser.runtime.getURL('/training.html')} data-testid="options-training">
          {t.training_linkPage}
        </a>
      </p>
      <MyUnitSection t={t} />
      <CustomChecksSection t={t} locale={locale} />
      <section className="card" aria-labelledby="hosts-title">
        <h2 id="hosts-title">{t.hostsTitle}</h2>
        <p className="muted">{t.hostsHelp}</p>
        <form onSubmit={onAdd} className="host-form">
          <label>
            {t.hostLabel}
            <input
              name="host"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder="motcua.thanhhoa.gov.vn"
              autoComplete="off"
              required
            />
          </label>
          <label>
            {t.readerLabel}
            <select name="adapter" value={adapterId} onChange={(e) => setAdapterId(e.target.value)}>
              <option value="generic">{t.readerGeneric}</option>
              {SITE_ADAPTERS.map((a) => (
                <option key={a.id} value={a.id}>
                  {siteName(a.id)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!hostsReady}>
            {t.add}
          </button>
        </form>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'ok'} data-testid="options-message">
            {message.text}
          </p>
        )}
        <h3 id="suggested-title">{t.suggestedHostsTitle}</h3>
        <p className="muted">{t.suggestedHostsHelp}</p>
        <ul className="hosts" aria-labelledby="suggested-title" data-testid="suggested-hosts">
          {SUGGESTED_HOSTS.filter((s) => !hosts.some((h) => h.host === s.host)).map((s) => (
            <li key={s.host}>
              <span>{s.host}</span> <span className="muted">({siteName(s.adapterId)})</span>{' '}
              <button type="button" onClick={() => addHost(s.host, s.adapterId)} aria-label={format(t.addHost, { host: s.host })}>
                {t.add}
              </button>
            </li>
          ))}
        </ul>
        {!hostsReady ? null : hosts.length === 0 ? (
          <p className="empty" data-testid="no-user-hosts">
            {t.noHosts}
          </p>
        ) : (
          <ul className="hosts" data-testid="user-hosts">
            {hosts.map((h) => (
              <li key={h.host}>
                <span>{h.host}</span> <span className="muted">({h.adapterId})</span>{' '}
                <button type="button" onClick={() => void onRemove(h.host)} aria-label={format(t.removeHost, { host: h.host })}>
                  {t.remove}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
