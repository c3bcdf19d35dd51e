import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { exportChecks } from '@/lib/exchange/checks';
import { buildExportFile } from '@/lib/exchange/format';
import { format, type Locale, type STRINGS } from '@/lib/i18n';
import { classifyError } from '@/lib/journal/journal';
import { readReportSource } from '@/lib/journal/report-source';
import { catalog } from '@/lib/match/shipped';
import { splitByFilings } from '@/lib/report/split';
import { officeLabel, profileSetting } from '@/lib/settings';
import { journalDb } from '@/services/journal';

type T = (typeof STRINGS)['vi'];

/** Ticks per file: each file stays a few tens of MB, well inside what a browser can build as one string. */
export const FILE_TICKS = 200_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Hand over to `da06 report`: everything the page holds (own and imported,
 * demo included), as JSON export files of whole filings, at most FILE_TICKS
 * ticks each; the command reads the folder they are saved in.
 */
export function ExportForCommand({ t }: { t: T; locale: Locale }) {
  const custom = useLiveQuery(() => journalDb.customChecks.toArray(), [], []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      const source = await readReportSource(journalDb);
      const checks = exportChecks(custom, source.importedChecks);
      const profile = await profileSetting.get();
      const by = { staff: profile.name, unit: officeLabel(profile, (id) => catalog.units.find((u) => u.id === id)?.name) };
      const parts = splitByFilings(source.sessions, source.events, FILE_TICKS);
      const day = new Date().toISOString().slice(0, 10);
      for (let i = 0; i < parts.length; i++) {
        const file = await buildExportFile(parts[i], checks, by, { includeDemo: true });
        const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `da06-toan-bo-${day}-${String(i + 1).padStart(3, '0')}.json`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        await nextTask();
      }
      setMessage({ error: false, text: format(t.scale_exportedAll, { files: parts.length, events: source.events.length }) });
    } catch (error) {
      setMessage({ error: true, text: format(t.exportFailed, { error: classifyError(error).message }) });
    }
    setBusy(false);
  };

  return (
    <div className="buttons">
      <button type="button" disabled={busy} onClick={() => void run()} data-testid="export-for-command">
        {format(t.scale_exportAll, { size: FILE_TICKS.toLocaleString('vi-VN') })}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'} data-testid="export-for-command-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
