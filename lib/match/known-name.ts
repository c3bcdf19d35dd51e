import type { Directory } from '../directory/lookup';
import type { KnownProcedureName } from '../recognize/generic';
import type { Matcher } from './matcher';

/*
 * The allow-list behind the generic reader's use of a page title: a title
 * names a procedure only when it is a known procedure's name — the reviewed
 * reference list (exact name or alias, folded) or the national directory
 * (its strict name lookup) — and then the known, official name is used, never
 * the page's text. "Hồ sơ của ông Trần Văn Cường" names nothing.
 */
export function knownNameFrom(matcher: Pick<Matcher, 'resolve'>, directory?: Directory): KnownProcedureName {
  return (title, { field, level }) => {
    const resolved = matcher.resolve({ name: title, ...(field ? { field } : {}), ...(level ? { level } : {}) }, directory);
    if (resolved.reference?.by === 'name') return resolved.reference.name;
    // The directory's entry, by the reviewed reference name when the list has its code.
    if (resolved.directory?.by === 'name') return resolved.reference?.name ?? resolved.directory.name;
    return undefined;
  };
}
