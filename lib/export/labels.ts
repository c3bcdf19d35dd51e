/**
 * The wording of every check a report or export may name. Definitions come
 * from the library and from custom checks (this browser's and those carried in
 * imported files); an id found in the data with no definition still gets a
 * readable label (never the bare "custom-mwtnifkm-n6y3") and a place in the
 * check filter.
 */

export interface CheckDefinition {
  id: string;
  label: string;
  targets: string[];
}

export function checksForReport(
  definitions: readonly CheckDefinition[],
  sessions: readonly { checkIds: readonly string[] }[],
  unknownLabel: (id: string) => string,
): CheckDefinition[] {
  const out: CheckDefinition[] = [];
  const known = new Set<string>();
  for (const d of definitions) {
    if (known.has(d.id)) continue;
    known.add(d.id);
    out.push(d);
  }
  for (const s of sessions) {
    for (const id of s.checkIds) {
      if (known.has(id)) continue;
      known.add(id);
      out.push({ id, label: unknownLabel(id), targets: [] });
    }
  }
  return out;
}
