import type { BuildReport } from './build';
import type { Catalog, DocumentKey } from './schema';

/*
 * The catalog's self-check: every group yields the count its heading declares,
 * the body's own group lists agree with the appendix, a group whose size the body
 * announces (recipe `table.announced`) has that many, refs are unique, nothing is empty.
 * A deviation passes only where a listed defect explains it.
 */

export interface CheckResult {
  ok: boolean;
  failures: string[];
}

export function selfCheck(report: BuildReport): CheckResult {
  const { catalog } = report;
  const failures: string[] = [...report.problems.map((p) => `ingest: ${p}`)];
  const defectTypes = new Set(catalog.defects.map((d) => `${d.doc}:${d.action.type}`));

  for (const g of catalog.groups) {
    if (g.declared !== null && g.declared !== g.itemRefs.length) {
      failures.push(`${g.id} "${g.heading}": declares ${g.declared}, found ${g.itemRefs.length}`);
    }
    if (g.restoredFrom && !defectTypes.has(`${g.doc}:missing-group-heading`)) {
      failures.push(`${g.id}: restored without a listed defect`);
    }
  }

  for (const [doc, list] of Object.entries(report.bodyGroups) as [DocumentKey, BuildReport['bodyGroups'][DocumentKey]][]) {
    const groups = catalog.groups.filter((g) => g.doc === doc);
    if (!list || list.length !== groups.length) {
      failures.push(`${doc}: body lists ${list?.length ?? 0} groups, appendix has ${groups.length}`);
      continue;
    }
    list.forEach((b, i) => {
      if (groups[i].itemRefs.length !== b.count) {
        failures.push(`${doc} group ${groups[i].numeral}: body declares ${b.count}, found ${groups[i].itemRefs.length}`);
      }
    });
  }

  for (const a of report.announced) {
    const g = catalog.groups.find((x) => x.id === `${a.doc}/${a.group}`);
    if (a.count === null) failures.push(`${a.doc}: body does not announce the size of group ${a.group}`);
    else if (!g || g.itemRefs.length !== a.count) {
      failures.push(`${a.doc} ${a.group}: body announces ${a.count}, found ${g?.itemRefs.length ?? 0}`);
    }
  }

  for (const u of report.unclosedHeadings) {
    if (!catalog.defects.some((d) => d.doc === u.doc && d.action.type === 'unclosed-heading' && d.action.numeral === u.numeral)) {
      failures.push(`${u.doc} ${u.numeral}: heading count without ")" and no listed defect`);
    }
  }

  for (const f of report.unitFragments) {
    if (!catalog.defects.some((d) => d.affects.includes(f.ref))) {
      failures.push(
        f.why === 'bare'
          ? `${f.ref}: unit cell piece "${f.text}" is no unit (truncated?) and no listed defect explains it`
          : `${f.ref}: unit "${f.text}" is not in seeds/units.json — add it there (or list a seed defect)`,
      );
    }
  }

  const refs = new Map<string, number>();
  for (const item of [...catalog.tasks, ...catalog.models, ...catalog.targets]) {
    refs.set(item.ref, (refs.get(item.ref) ?? 0) + 1);
  }
  for (const [ref, n] of refs) if (n > 1) failures.push(`${ref}: ref used ${n} times`);

  for (const t of catalog.tasks) {
    if (!t.content.trim()) failures.push(`${t.ref}: empty content`);
    if (t.incomplete && !t.defectIds.length) failures.push(`${t.ref}: incomplete without a listed defect`);
    if (!t.incomplete && !t.raw.lead.trim() && !t.defectIds.length) failures.push(`${t.ref}: no lead unit`);
  }
  for (const m of catalog.models) if (!m.name.trim()) failures.push(`${m.ref}: empty name`);
  for (const t of catalog.targets) if (!t.statement.trim()) failures.push(`${t.ref}: empty statement`);

  for (const d of catalog.defects) {
    for (const ref of d.affects) {
      if (!refs.has(ref)) failures.push(`defect ${d.id}: affects unknown item ${ref}`);
    }
  }
  return { ok: failures.length === 0, failures };
}

/** Counts per document and group, plus totals: what `da06 catalog stats` prints. */
export function catalogStats(catalog: Catalog) {
  const documents: Record<string, unknown> = {};
  for (const doc of catalog.documents) {
    const groups = catalog.groups.filter((g) => g.doc === doc.key);
    documents[doc.key] = {
      title: doc.shortTitle,
      tasks: catalog.tasks.filter((t) => t.doc === doc.key).length,
      models: catalog.models.filter((m) => m.doc === doc.key).length,
      targets: catalog.targets.filter((t) => t.doc === doc.key).length,
      groups: groups.map((g) => ({
        numeral: g.numeral,
        heading: g.heading,
        declared: g.declared,
        found: g.itemRefs.length,
        ...(g.restoredFrom ? { restoredFrom: g.restoredFrom } : {}),
      })),
      defects: catalog.defects.filter((d) => d.doc === doc.key).map((d) => d.id),
    };
  }
  const deadlines = [...catalog.tasks, ...catalog.models].map((i) => i.deadline);
  const byKind: Record<string, number> = {};
  for (const d of deadlines) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  return {
    documents,
    tasks: catalog.tasks.length,
    models: catalog.models.length,
    targets: catalog.targets.length,
    units: catalog.units.length,
    unitsReviewed: catalog.units.filter((u) => u.reviewed).length,
    deadlines: {
      total: deadlines.length,
      parsed: deadlines.filter((d) => d.kind !== 'unknown').length,
      byKind,
      unknown: [...catalog.tasks, ...catalog.models].filter((i) => i.deadline.kind === 'unknown').map((i) => i.ref),
    },
    defects: catalog.defects.map((d) => ({ id: d.id, doc: d.doc, what: d.what, handling: d.handling })),
  };
}
