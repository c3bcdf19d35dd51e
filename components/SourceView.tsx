import { useEffect, useRef, useState } from 'react';
import { format, STRINGS, type Locale } from '@/lib/i18n';
import { catalog, getMatcher } from '@/lib/match/shipped';
import { useLocale } from './settings';

interface Props {
  itemRef: string;
  loadSeed: (file: string) => Promise<string>;
}

/** A seed document with one item's lines highlighted and scrolled into view. */
export function SourceView({ itemRef, loadSeed }: Props) {
  const locale: Locale = useLocale().value;
  const t = STRINGS[locale];
  const item = getMatcher().item(itemRef);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = locale;
    if (!item) return;
    loadSeed(item.provenance.file).then(setText, (e: Error) => setError(e.message));
  }, [item, loadSeed, locale]);

  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
    mark.current?.focus();
  }, [text]);

  if (!item) {
    return (
      <main className="panel">
        <h1>{t.sourceTitle}</h1>
        <p className="error" role="alert" data-testid="source-missing">{format(t.sourceNotFound, { ref: itemRef || '—' })}</p>
      </main>
    );
  }
  const doc = catalog.documents.find((d) => d.key === item.doc);
  const [from, to] = item.provenance.lines;
  const lines = text?.split('\n') ?? [];
  return (
    <main className="panel source">
      <h1>{doc?.fullTitle ?? item.doc}</h1>
      <p className="muted">
        {doc?.issuer} · {doc?.date} · <span data-testid="source-ref">{item.ref}</span> · {format(t.lines, { from, to })}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      <pre className="seed" data-testid="source-text">
        {lines.slice(0, from - 1).join('\n')}
        {from > 1 ? '\n' : ''}
        <mark ref={mark} tabIndex={-1} data-testid="source-highlight">
          {lines.slice(from - 1, to).join('\n')}
        </mark>
        {'\n'}
        {lines.slice(to).join('\n')}
      </pre>
    </main>
  );
}
