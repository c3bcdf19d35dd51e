import { format, type STRINGS } from '../i18n';
import type { ParseProblem } from '../exchange/format';

type T = (typeof STRINGS)['vi'];

/** The outcome of reading one export file, as the report page and `da06 report` both word it. */
export type FileOutcome =
  | { name: string; status: 'imported'; added: number; duplicates: number }
  | { name: string; status: 'already-imported' }
  | { name: string; status: 'rejected'; problem: ParseProblem }
  | { name: string; status: 'failed'; error: { message: string } };

export function problemText(t: T, p: ParseProblem): string {
  return p.kind === 'not-json' ? t.import_notJson
    : p.kind === 'wrong-format' ? t.import_wrongFormat
    : p.kind === 'wrong-version' ? format(t.import_wrongVersion, { version: String(p.version) })
    : p.kind === 'checksum' ? t.import_checksum
    : format(t.import_invalid, { detail: p.detail });
}

export function outcomeText(t: T, o: FileOutcome): string {
  switch (o.status) {
    case 'imported':
      return format(t.import_ok, { name: o.name, added: o.added, duplicates: o.duplicates });
    case 'already-imported':
      return format(t.import_already, { name: o.name });
    case 'failed':
      return format(t.import_failed, { name: o.name, error: o.error.message });
    case 'rejected':
      return `${o.name}: ${problemText(t, o.problem)}`;
  }
}
