import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { applicableChecks, checklistLibrary } from '@/lib/checklist';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import type { CheckState } from '@/lib/journal/db';
import { classifyError, dossierSessionId, NOTE_MAX, procedureKey, type DerivedCheck, type JournalError } from '@/lib/journal/journal';
import type { Directory } from '@/lib/directory/lookup';
import type { ProcedureQuery } from '@/lib/match';
import { catalog, getMatcher } from '@/lib/match/shipped';
import { staffContext } from '@/lib/settings';
import { pageDrafts, sameNameToday } from '@/lib/drafts';
import { sourceName } from '@/lib/match/present';
import { journal, journalDb, requestPersistence, tickQueue } from '@/services/journal';
import { ExportControls } from './ExportControls';
import { useProfile } from './settings';

/** Ticks name the officer's unit in words (the office, else the plan unit's name). */
const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name;

type T = (typeof STRINGS)['vi'];

const NO_STATE: ReadonlyMap<string, DerivedCheck> = new Map();

/** A note is saved this long after the last key press (it is kept on this computer at once). */
const NOTE_DEBOUNCE_MS = 600;

interface Props {
  query: ProcedureQuery;
  /** The national directory, when loaded: a page with only a portal id or a name gets its code for the journal. */
  directory?: Directory;
  dossierCode?: string;
  /** The tab the panel follows: the active named session is remembered per tab and procedure. */
  tabId?: number;
  t: T;
  locale: Locale;
  /** Training (presenter mode or a demo screen): every tick and session is flagged demo. */
  training?: boolean;
}

function generatedName(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

function errorText(t: T, error: JournalError): string {
  const key = `journalError_${error.kind}` as const;
  return `${t[key]} (${error.message})`;
}

/**
 * The checklist of the filing on screen. Ticks go to the journal at once and
 * show only once written (live from IndexedDB, so every tab and panel agrees);
 * a failed write is shown, never hidden.
 */
export function ChecklistView({ query: pageQuery, directory, dossierCode, tabId, t, locale, training = false }: Props) {
  // A filing is attributed to the officer in the profile: nothing is written before it is read.
  const { value: profile, ready: profileReady } = useProfile();
  const matched = useMemo(() => getMatcher().match(pageQuery, { related: false, directory }), [pageQuery, directory]);
  // Journal keys and labels use the code and name as resolved (the page's own first).
  const query = matched.procedure;
  const procKey = procedureKey(query);
  const [error, setError] = useState<string | null>(null);
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const checks = useMemo(() => applicableChecks(checklistLibrary(), matched, custom), [matched, custom]);
  const checkIds = checks.map((c) => c.id).join('|');
  const drafts = useMemo(() => pageDrafts(), []);
  const activeKey = useMemo(() => ['active', tabId ?? 'any', procKey], [tabId, procKey]);
  // The named session last chosen on this tab for this procedure comes back after a reload.
  const [chosen, setChosenState] = useState<string | null>(() => drafts.get(activeKey) ?? null);
  const setChosen = (id: string | null) => {
    setChosenState(id);
    if (id) drafts.set(activeKey, id);
    else drafts.remove(activeKey);
  };
  // Folded to one progress line by default; the officer's choice is kept for the next filing.
  const [open, setOpenState] = useState(() => drafts.get(['checklistOpen']) === '1');
  const setOpen = (next: boolean) => {
    setOpenState(next);
    drafts.set(['checklistOpen'], next ? '1' : '0');
  };
  // Another procedure (or tab) on screen: its own remembered session.
  const [seenKey, setSeenKey] = useState(activeKey);
  if (seenKey !== activeKey) {
    setSeenKey(activeKey);
    setChosenState(drafts.get(activeKey) ?? null);
  }
  const [exists, setExists] = useState<string | null>(null);
  // A note's state: typed (kept on this computer at once), then saved to the journal.
  const [noteStatus, setNoteStatus] = useState<Record<string, 'draft' | 'saving' | 'saved'>>({});
  const noteTimers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const [name, setName] = useState(generatedName);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [persisted, setPersisted] = useState<boolean | null>(null);

  // Training flags ticks demo (kept out of exports and reports unless asked).
  const staff = () => {
    const ctx = staffContext(profile, unitName);
    return training ? { ...ctx, demo: true } : ctx;
  };

  const sessionId = dossierCode ? dossierSessionId(procKey, dossierCode) : chosen;
  // A failed read is shown like a failed write (e.g. storage blocked), never hidden.
  const shown = <R,>(fallback: R) => (e: unknown) => {
    setError(errorText(t, classifyError(e)));
    return fallback;
  };
  const sessions = useLiveQuery(() => journal.sessionsOf(procKey).catch(shown([])), [procKey], []);
  // The current state of each check (one row per check, kept with every append): only committed ticks.
  const state = useLiveQuery(() => (sessionId ? journal.stateOf(sessionId).catch(shown(NO_STATE)) : NO_STATE), [sessionId], NO_STATE);
  // Ticks clicked but not committed yet (pending) or refused (failed, with a retry).
  const queued = useSyncExternalStore(tickQueue.subscribe, tickQueue.getSnapshot);
  const [replayed, setReplayed] = useState<number>(0);

  useEffect(() => {
    void requestPersistence().then(setPersisted);
    // Clicks a previous page left unsaved (the extension reloaded, the panel closed mid-write) are written now.
    void tickQueue.replay().then(({ saved }) => setReplayed(saved));
  }, []);

  // A dossier opens its session by itself (once the profile is read); new checks are added to it.
  useEffect(() => {
    if (!profileReady || !dossierCode || !sessionId) return;
    journal
      .ensureSession(
        { id: sessionId, procedureKey: procKey, procedureCode: query.code, procedureName: query.name ?? query.code ?? '', dossierCode, label: dossierCode, checkIds: checkIds.split('|') },
        staff(),
      )
      .then(() => setError(null), (e: unknown) => setError(errorText(t, classifyError(e))));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the session is keyed by these values only
  }, [profileReady, sessionId, dossierCode, procKey, checkIds]);

  const start = async () => {
    if (!profileReady) return;
    const label = name.trim() || generatedName();
    // One name per day: the session already started today under this name is offered again.
    const same = sameNameToday(sessions, label, Date.now());
    if (same) {
      setChosen(same.id);
      setExists(same.label);
      return;
    }
    setExists(null);
    const id = `named:${crypto.randomUUID()}`;
    try {
      await journal.ensureSession(
        { id, procedureKey: procKey, procedureCode: query.code, procedureName: query.name ?? query.code ?? '', label, checkIds: checkIds.split('|') },
        staff(),
      );
      setChosen(id);
      setError(null);
    } catch (e) {
      setError(errorText(t, classifyError(e)));
    }
  };

  const tick = async (checkId: string, next: CheckState, note?: string) => {
    if (!sessionId || !profileReady) return false;
    // A refused tick is shown from the queue (below) for as long as it stays unsaved.
    const failed = await tickQueue.submit(sessionId, checkId, next, note, staff());
    if (!failed) setError(null);
    return !failed;
  };
  const retry = async (id: string) => {
    if (!(await tickQueue.retry(id))) setError(null);
  };
  // While a tick of this page is unsaved, its reason is the message; it goes once the tick is saved (retry, automatic or not).
  const failedNow = queued.find((q) => q.status === 'failed');
  const shownError = error ?? (failedNow?.error ? errorText(t, failedNow.error) : null);

  const noteKey = (checkId: string) => ['note', sessionId ?? '', checkId];
  const saveNote = async (checkId: string, text: string) => {
    setNoteStatus((s) => ({ ...s, [checkId]: 'saving' }));
    // The draft stays on this computer until the journal has the note.
    const ok = await tick(checkId, 'na', text);
    if (ok) drafts.remove(noteKey(checkId));
    setNoteStatus((s) => ({ ...s, [checkId]: ok ? 'saved' : 'draft' }));
  };
  const typeNote = (checkId: string, text: string) => {
    setNotes((n) => ({ ...n, [checkId]: text }));
    // Kept on this computer at once, saved to the journal when typing pauses.
    drafts.set(noteKey(checkId), text);
    setNoteStatus((s) => ({ ...s, [checkId]: 'draft' }));
    clearTimeout(noteTimers.current[checkId]);
    noteTimers.current[checkId] = setTimeout(() => void saveNote(checkId, text), NOTE_DEBOUNCE_MS);
  };
  // A note typed when the page closed is found again and saved.
  const restored = useRef(new Set<string>());
  useEffect(() => {
    if (!sessionId || !profileReady) return;
    for (const c of checks) {
      const st = state.get(c.id);
      const key = `${sessionId}|${c.id}`;
      if (st?.state !== 'na' || restored.current.has(key)) continue;
      restored.current.add(key);
      const draft = drafts.get(noteKey(c.id));
      if (draft === undefined) continue;
      if (draft.trim() === (st.note ?? '')) {
        drafts.remove(noteKey(c.id));
        continue;
      }
      // Shown from the draft meanwhile (the field reads it), saved right after this render.
      void Promise.resolve().then(() => saveNote(c.id, draft));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ticks or the session change
  }, [state, sessionId, profileReady, checkIds]);
  useEffect(() => () => Object.values(noteTimers.current).forEach(clearTimeout), []);

  const done = checks.filter((c) => state.get(c.id)?.state === 'done').length;
  const na = checks.filter((c) => state.get(c.id)?.state === 'na').length;
  const current = sessions.find((s) => s.id === sessionId);

  const total = checks.length - na;
  // A tick the journal refused is never folded away.
  const anyFailed = queued.some((q) => q.status === 'failed' && q.tick.sessionId === sessionId);
  return (
    <section className="card" aria-labelledby="checklist-title" data-testid="checklist" data-profile-ready={profileReady} data-open={open}>
      <h2 id="checklist-title" tabIndex={-1}>{t.checklist}</h2>
      {shownError && (
        <p role="alert" className="error" data-testid="journal-error">
          {shownError}
        </p>
      )}
      {replayed > 0 && (
        <p role="status" className="note" data-testid="journal-replayed">
          {format(t.journal_replayed, { count: replayed })}
        </p>
      )}
      {(profile.demo || training) && <p className="note" data-testid="demo-mode">{t.demoModeOn}</p>}
      {dossierCode && (
        <p className="muted" data-testid="session-label">
          {format(t.sessionForDossier, { code: dossierCode })}
        </p>
      )}
      <div className="checklist-summary">
        {sessionId ? (
          <p className="progress" data-testid="checklist-progress" aria-live="polite">
            {format(t.progress, { done, total })}
            {current && !dossierCode ? ` · ${current.label}` : ''}
          </p>
        ) : (
          <p className="muted" data-testid="checklist-no-session">{t.cnt_noSession}</p>
        )}
        <button type="button" className="checklist-toggle" data-testid="checklist-toggle" aria-expanded={open} aria-controls="checklist-body" onClick={() => setOpen(!open)}>
          {open ? t.cnt_checklistClose : t.cnt_checklistOpen}
        </button>
        {sessionId && total > 0 && (
          <div className="progress-bar" aria-hidden="true">
            <span style={{ width: `${Math.round((100 * done) / total)}%` }} />
          </div>
        )}
      </div>
      {exists && (
        <p role="status" className="note" data-testid="session-exists">
          {format(t.cnt_sessionExists, { label: exists })}
        </p>
      )}
      <div id="checklist-body" hidden={!open && !anyFailed}>
        {persisted === false && <p className="muted small">{t.notPersisted}</p>}
        {!dossierCode && (
          <div className="session-pick">
            {sessions.length > 0 && (
              <label>
                {t.session}
                <select
                  data-testid="session-select"
                  value={chosen ?? ''}
                  onChange={(e) => {
                    setChosen(e.target.value || null);
                    setExists(null);
                  }}
                >
                  <option value="">{t.sessionNone}</option>
                  {sessions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <form
              className="session-new"
              onSubmit={(e) => {
                e.preventDefault();
                void start();
              }}
            >
              <label>
                {t.sessionName}
                <input data-testid="session-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
              </label>
              <button type="submit" data-testid="session-start" disabled={!profileReady}>
                {t.sessionStart}
              </button>
            </form>
            <p className="muted small">{t.sessionHint}</p>
          </div>
        )}
        {sessionId && (
          <ul className="checks">
            {checks.map((c) => {
              const st = state.get(c.id);
              const labelId = `check-${c.id}`;
              const status = noteStatus[c.id];
              const mine = queued.filter((q) => q.tick.sessionId === sessionId && q.tick.checkId === c.id);
              const failedTick = mine.find((q) => q.status === 'failed');
              const save = failedTick ? 'failed' : mine.length ? 'pending' : 'saved';
              return (
                <li key={c.id} data-testid={`check-${c.id}`} data-state={st?.state ?? 'none'} data-save={save} className={`check-row state-${st?.state ?? 'none'}`}>
                  <p id={labelId} className="check-label">
                    {c.label[locale]}
                    {c.source === 'custom' && <span className="tag">{t.customCheck}</span>}
                  </p>
                  <div className="check-actions" role="group" aria-labelledby={labelId}>
                    <button type="button" aria-pressed={st?.state === 'done'} data-testid="tick-done" disabled={!profileReady} onClick={() => void tick(c.id, 'done')}>
                      {t.state_done}
                    </button>
                    <button type="button" aria-pressed={st?.state === 'na'} data-testid="tick-na" disabled={!profileReady} onClick={() => void tick(c.id, 'na')}>
                      {t.state_na}
                    </button>
                    <button type="button" data-testid="tick-clear" disabled={!st || !profileReady} onClick={() => void tick(c.id, 'cleared')}>
                      {t.state_clear}
                    </button>
                  </div>
                  {save === 'pending' && (
                    <p className="muted small" role="status" data-testid="tick-pending">
                      {t.tick_pending}
                    </p>
                  )}
                  {failedTick && (
                    <p className="error small" role="alert" data-testid="tick-failed">
                      {format(t.tick_failed, { state: t[`state_${failedTick.tick.state === 'cleared' ? 'clear' : failedTick.tick.state}`] })}{' '}
                      <button type="button" data-testid="tick-retry" onClick={() => void retry(failedTick.tick.id)}>
                        {t.tick_retry}
                      </button>
                    </p>
                  )}
                  {st?.state === 'na' && (
                    <form
                      className="note-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        clearTimeout(noteTimers.current[c.id]);
                        void saveNote(c.id, notes[c.id] ?? drafts.get(noteKey(c.id)) ?? st.note ?? '');
                      }}
                    >
                      <label>
                        {t.naNote}
                        <input
                          data-testid="na-note"
                          maxLength={NOTE_MAX}
                          value={notes[c.id] ?? drafts.get(noteKey(c.id)) ?? st.note ?? ''}
                          onChange={(e) => typeNote(c.id, e.target.value)}
                          aria-describedby={`${labelId}-hint`}
                        />
                      </label>
                      <button type="submit" data-testid="na-note-save">{t.save}</button>
                      <span className="note-status" role="status" data-testid="note-saved">
                        {status === 'saved' ? t.cnt_noteSaved : status === 'saving' ? t.cnt_noteSaving : status === 'draft' ? t.cnt_noteDraft : ''}
                      </span>
                      <span id={`${labelId}-hint`} className="muted small">
                        {format(t.noteHint, { max: NOTE_MAX })}
                      </span>
                    </form>
                  )}
                  {c.matchedRefs.length > 0 && (
                    <p className="check-sources">
                      {t.implementsLabel}{' '}
                      {c.matchedRefs.map((ref, i) => {
                        const item = getMatcher().item(ref);
                        return (
                          <span key={ref}>
                            {i > 0 && '; '}
                            <a
                              href={`${browser.runtime.getURL('/source.html')}?ref=${encodeURIComponent(ref)}`}
                              target="_blank"
                              rel="noreferrer"
                              title={ref}
                              data-testid="check-source"
                            >
                              {item
                                ? sourceName(
                                    { docTitle: catalog.documents.find((d) => d.key === item.doc)?.shortTitle ?? item.doc, kind: item.kind, number: ref.slice(ref.indexOf('#') + 1) },
                                    locale,
                                  )
                                : ref}
                            </a>
                          </span>
                        );
                      })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <details className="export-box">
          <summary>{t.exportTitle}</summary>
          <ExportControls t={t} locale={locale} procedureKey={procKey} />
          <p>
            <a href={browser.runtime.getURL('/report.html')} target="_blank" rel="noreferrer" data-testid="open-report">
              {t.openReport}
            </a>
          </p>
        </details>
      </div>
    </section>
  );
}
