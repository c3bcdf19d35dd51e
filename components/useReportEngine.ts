import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportedCheck } from '@/lib/journal/db';
import { ReportEngine } from '@/lib/report/engine';
import { journalFingerprint, LoadCancelled, loadReportEngine } from '@/lib/report/load';
import { journalDb } from '@/services/journal';

export interface ReportData {
  engine: ReportEngine;
  importedChecks: ImportedCheck[];
  /** Rows read so far while loading; null once loaded. */
  loading: number | null;
  error: unknown;
}

/**
 * The report's engine, read page by page from the journal; read again when
 * the journal's size changes (another tab ticked, an import finished), but
 * not while `paused` (an import in progress reloads once at its end).
 */
export function useReportEngine(paused: boolean, epoch = 0): ReportData {
  const fingerprint = useLiveQuery(() => journalFingerprint(journalDb), [], undefined);
  const [data, setData] = useState<ReportData>({ engine: new ReportEngine(), importedChecks: [], loading: 0, error: null });
  useEffect(() => {
    if (paused || fingerprint === undefined) return;
    const abort = new AbortController();
    loadReportEngine(journalDb, { signal: abort.signal, onProgress: (rows) => setData((d) => ({ ...d, loading: rows })) }).then(
      ({ engine, importedChecks }) => setData({ engine, importedChecks, loading: null, error: null }),
      (error: unknown) => {
        if (!(error instanceof LoadCancelled)) setData((d) => ({ ...d, loading: null, error }));
      },
    );
    return () => abort.abort();
  }, [fingerprint, paused, epoch]);
  return data;
}
