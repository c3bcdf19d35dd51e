import { z } from 'zod';
import { ingestModels } from './ingest/models';
import { bulletTargets, modelTargets, phasedBulletTargets, taskTargets } from './ingest/targets';
import { ingestTasks, readBodyGroupList, type BodyGroup, type IngestContext } from './ingest/tasks';
import { makeOcrFixer, OcrTableSchema } from './ocr';
import { RecipeSchema, type Recipe } from './recipe';
import {
  CATALOG_VERSION,
  CatalogSchema,
  DefectSchema,
  type Catalog,
  type DocumentKey,
  type Group,
  type Model,
  type Target,
  type Task,
} from './schema';
import { ReviewedUnitsSchema, UnitRegistry } from './units';

/** Everything the ingester reads: recipes, seed texts by file name plus the reviewed data files. */
export interface CatalogInputs {
  /** One ingest recipe per plan (seeds/<key>.recipe.json), in the order the catalog lists them. */
  recipesJson: unknown[];
  seedTexts: Record<string, string>;
  /** SHA-256 of each seed file, recorded as the catalog's sources. */
  seedHashes?: Record<string, string>;
  defectsJson: unknown;
  unitsJson: unknown;
  ocrJson: unknown;
}

export interface BuildReport {
  catalog: Catalog;
  /** Problems the ingester met while reading (unexpected rows, missing sections). */
  problems: string[];
  /** Group lists the bodies declare, per document, for the self-check. */
  bodyGroups: Partial<Record<DocumentKey, BodyGroup[]>>;
  /** Headings whose count lacked ")" — each must be explained by a defect. */
  unclosedHeadings: { doc: DocumentKey; numeral: string }[];
  /** Group sizes a body announces (recipe `table.announced`), for the self-check; count null when not found. */
  announced: { doc: DocumentKey; group: string; count: number | null }[];
  recipes: Recipe[];
  /** Cell pieces that are no unit (truncated cells), each must be explained by a defect. */
  unitFragments: { ref: string; text: string; why: 'bare' | 'unknown' }[];
}

const DefectFileSchema = z.object({ defects: z.array(DefectSchema) });

function linesOf(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Validate recipes: zod shape, unique keys and files. */
export function parseRecipes(recipesJson: unknown[]): Recipe[] {
  const recipes = recipesJson.map((r, i) => {
    const parsed = RecipeSchema.safeParse(r);
    if (!parsed.success) throw new Error(`Recipe ${i + 1} is invalid: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
  for (const field of ['key', 'file'] as const) {
    const seen = new Set<string>();
    for (const r of recipes) {
      if (seen.has(r.document[field])) throw new Error(`Two recipes share the ${field} ${r.document[field]}`);
      seen.add(r.document[field]);
    }
  }
  return recipes;
}

export function buildCatalog(inputs: CatalogInputs): BuildReport {
  const recipes = parseRecipes(inputs.recipesJson);
  const defects = DefectFileSchema.parse(inputs.defectsJson).defects;
  const reviewedUnits = ReviewedUnitsSchema.parse(
    (inputs.unitsJson as { units?: unknown } | null)?.units ?? inputs.unitsJson,
  );
  const display = makeOcrFixer(OcrTableSchema.parse(inputs.ocrJson));
  const units = new UnitRegistry(reviewedUnits);
  const problems: string[] = [];
  const groups: Group[] = [];
  const tasks: Task[] = [];
  const models: Model[] = [];
  const targets: Target[] = [];
  const bodyGroups: BuildReport['bodyGroups'] = {};
  const unclosedHeadings: BuildReport['unclosedHeadings'] = [];
  const announced: BuildReport['announced'] = [];

  for (const recipe of recipes) {
    const doc = recipe.document;
    const text = inputs.seedTexts[doc.file];
    if (text === undefined) throw new Error(`Seed file ${doc.file} (${doc.key}) is missing`);
    const ctx: IngestContext = { doc, lines: linesOf(text), defects: defects.filter((d) => d.doc === doc.key), units, display };
    const table = recipe.table;
    if (table.kind === 'tasks') {
      const listed = table.bodyGroups
        ? readBodyGroupList(ctx.lines, new RegExp(table.bodyGroups.after, 'u'), table.bodyGroups.unit)
        : undefined;
      if (listed) bodyGroups[doc.key] = listed;
      const result = ingestTasks(ctx, table.columns, {
        pipe: table.syntax === 'pipe',
        ...(listed ? { bodyGroups: listed } : {}),
      });
      unclosedHeadings.push(...result.unclosed.map((numeral) => ({ doc: doc.key, numeral })));
      groups.push(...result.groups);
      tasks.push(...result.tasks);
      problems.push(...result.problems.map((p) => `${doc.key}: ${p}`));
      const announce = table.announced;
      if (announce) {
        const re = new RegExp(announce.pattern, 'u');
        const m = ctx.lines.map((l) => re.exec(l)).find(Boolean);
        const count = m ? Number(m[1]) : null;
        announced.push({ doc: doc.key, group: announce.group, count });
        // The body announces the group's size; the heading itself declares none.
        const group = groups.find((g) => g.id === `${doc.key}/${announce.group}`);
        if (group && count !== null) group.declared = count;
      }
    } else {
      const result = ingestModels(ctx);
      groups.push(...result.groups);
      models.push(...result.models);
      problems.push(...result.problems.map((p) => `${doc.key}: ${p}`));
    }

    let next = 1;
    for (const section of recipe.targets.sections) {
      const out = section.style === 'bullets'
        ? bulletTargets(doc, ctx.lines, section, next)
        : phasedBulletTargets(doc, ctx.lines, section, next);
      targets.push(...out.targets);
      next = out.next;
    }
    if (recipe.targets.fromItems) {
      if (table.kind === 'tasks') targets.push(...taskTargets(doc, tasks.filter((t) => t.doc === doc.key)));
      else targets.push(...modelTargets(doc, models.filter((m) => m.doc === doc.key)));
    }
  }

  const catalog: Catalog = {
    version: CATALOG_VERSION,
    sources: recipes.map((r) => ({ key: r.document.key, file: r.document.file, sha256: inputs.seedHashes?.[r.document.file] ?? '' })),
    documents: recipes.map((r) => r.document),
    groups,
    tasks,
    models,
    targets,
    units: units.list(),
    defects,
  };
  return { catalog: CatalogSchema.parse(catalog), problems, bodyGroups, unclosedHeadings, announced, recipes, unitFragments: [...units.fragments] };
}
