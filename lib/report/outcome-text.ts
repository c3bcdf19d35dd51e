import { format, type STRINGS } from '../i18n';
import type { ParseProblem } from '../exchange/format';
import type { Conflict, ImportOutcome, ImportSummary } from '../exchange/import';

type T = (typeof STRINGS)['vi'];

/**
 * The wording of an import's outcome, shared by the report page and
 * `da06 report` so both say the same thing about the same file.
 */

/** The parts of an outcome the wording uses (the page's ImportOutcome, or what the command knows). */
export type FileOutcome =
  | ({ name: string; status: 'imported' } & Pick<ImportSummary, 'added' | 'sessions' | 'duplicates' | 'sessionsMerged' | 'sessionsKnown' | 'checksAdded' | 'conflicts' | 'choice' | 'orphans' | 'unknownChecks'>)
  | { name: string; status: 'conflict'; conflicts: Conflict[] }
  | { name: string; status: 'already-imported' }
  | { name: string; status: 'rejected'; problem: ParseProblem }
  | { name: string; status: 'failed'; error: { message: string } };

// The page's outcomes are FileOutcomes.
export type _PageOutcomeFits = ImportOutcome extends FileOutcome ? true : never;

export function rejectionText(t: T, p: ParseProblem): string {
  switch (p.kind) {
    case 'not-json': return t.import_notJson;
    case 'spreadsheet': return t.import_spreadsheet;
    case 'wrong-format': return t.import_wrongFormat;
    case 'wrong-version': return format(t.import_wrongVersion, { version: String(p.version) });
    case 'checksum': return t.import_checksum;
    case 'time': return format(t.import_time, { field: p.field, value: p.value, latest: new Date(p.latest).toLocaleString('vi-VN') });
    case 'invalid': return format(t.import_invalid, { detail: p.detail });
  }
}

/** What an import did, in sentences: what was added, what was skipped and why. */
export function outcomeLines(t: T, o: FileOutcome): string[] {
  switch (o.status) {
    case 'imported': {
      const lines = [format(t.import_ok, { name: o.name, added: o.added, sessions: o.sessions })];
      if (o.duplicates) lines.push(format(t.import_dupes, { count: o.duplicates }));
      if (o.sessionsMerged) lines.push(format(t.import_merged, { count: o.sessionsMerged }));
      if (o.sessionsKnown) lines.push(format(t.import_known, { count: o.sessionsKnown }));
      if (o.checksAdded) lines.push(format(t.import_checks, { count: o.checksAdded }));
      if (o.conflicts.length) lines.push(format(o.choice === 'replace' ? t.import_replaced : t.import_kept, { count: o.conflicts.length }));
      if (o.orphans.length) lines.push(format(t.import_orphans, { count: o.orphans.length, where: o.orphans.slice(0, 5).join(', ') + (o.orphans.length > 5 ? ', …' : '') }));
      if (o.unknownChecks.length) lines.push(format(t.import_unknownChecks, { count: o.unknownChecks.length, ids: o.unknownChecks.slice(0, 10).join(', ') + (o.unknownChecks.length > 10 ? ', …' : '') }));
      return lines;
    }
    case 'conflict':
      return [format(t.import_conflict, { name: o.name, count: o.conflicts.length })];
    case 'already-imported':
      return [format(t.import_already, { name: o.name })];
    case 'failed':
      return [format(t.import_failed, { name: o.name, error: o.error.message })];
    case 'rejected':
      return [`${o.name}: ${rejectionText(t, o.problem)}`];
  }
}

export function conflictLine(t: T, c: Conflict): string {
  const against = c.against === 'file' ? t.import_against_file : c.against === 'own' ? t.import_against_own : t.import_against_imported;
  return format(t.import_conflictLine, { where: c.position, id: c.id, fields: c.fields.join(', '), against });
}
