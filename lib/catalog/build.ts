import { z } from 'zod';
import { SEED_DOCUMENTS as SEED_DOCUMENT_DATA } from '../../seeds/documents';
import { ingestModels } from './ingest/models';
import { districtTargets, modelTargets, provincialPhaseTargets, taskTargets } from './ingest/targets';
import { ingestTasks, readBodyGroupList, type BodyGroup, type IngestContext } from './ingest/tasks';
import { makeOcrFixer, OcrTableSchema } from './ocr';
import {
  CATALOG_VERSION,
  CatalogSchema,
  DefectSchema,
  type Catalog,
  type DocumentKey,
  type Group,
  type SeedDocument,
  type Task,
} from './schema';
import { ReviewedUnitsSchema, UnitRegistry } from './units';

/** seeds/documents.ts is plain data; its shape is checked here, by the compiler. */
const SEED_DOCUMENTS: readonly SeedDocument[] = SEED_DOCUMENT_DATA;

/** Everything the ingester reads: seed texts by file name plus the reviewed data files. */
export interface CatalogInputs {
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
  /** ct-04-2024 section C: the number of tasks the directive's body announces. */
  announcedLocalTasks: number | null;
}

const DefectFileSchema = z.object({ defects: z.array(DefectSchema) });

function linesOf(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

export function buildCatalog(inputs: CatalogInputs): BuildReport {
  const defects = DefectFileSchema.parse(inputs.defectsJson).defects;
  const reviewedUnits = ReviewedUnitsSchema.parse(
    (inputs.unitsJson as { units?: unknown } | null)?.units ?? inputs.unitsJson,
  );
  const display = makeOcrFixer(OcrTableSchema.parse(inputs.ocrJson));
  const units = new UnitRegistry(reviewedUnits);
  const problems: string[] = [];
  const groups: Group[] = [];
  const tasks: Task[] = [];
  const bodyGroups: BuildReport['bodyGroups'] = {};

  const ctxFor = (doc: SeedDocument): IngestContext => {
    const text = inputs.seedTexts[doc.file];
    if (text === undefined) throw new Error(`Seed file ${doc.file} (${doc.key}) is missing`);
    return { doc, lines: linesOf(text), defects: defects.filter((d) => d.doc === doc.key), units, display };
  };
  const docOf = (key: DocumentKey) => SEED_DOCUMENTS.find((d) => d.key === key)!;

  const unclosedHeadings: BuildReport['unclosedHeadings'] = [];
  const collect = (
    key: DocumentKey,
    result: { groups: Group[]; tasks: Task[]; problems: string[]; unclosed: string[] },
  ) => {
    unclosedHeadings.push(...result.unclosed.map((numeral) => ({ doc: key, numeral })));
    groups.push(...result.groups);
    tasks.push(...result.tasks);
    problems.push(...result.problems.map((p) => `${key}: ${p}`));
  };

  const tinh = ctxFor(docOf('kh-tinh-2024'));
  collect('kh-tinh-2024', ingestTasks(tinh, { content: 0, lead: 1, partner: 2, deadline: 3 }));

  const tu = ctxFor(docOf('kh-tu-2025'));
  bodyGroups['kh-tu-2025'] = readBodyGroupList(tu.lines, /^2\.\s*Nhiệm vụ trọng tâm/u);
  collect(
    'kh-tu-2025',
    ingestTasks(tu, { content: 0, lead: 1, partner: 2, deadline: 3 }, { bodyGroups: bodyGroups['kh-tu-2025'] }),
  );

  const huyen = ctxFor(docOf('kh-huyen-2024'));
  bodyGroups['kh-huyen-2024'] = readBodyGroupList(huyen.lines, /2\.\s*Nhiệm vụ cụ thể/u);
  collect('kh-huyen-2024', ingestTasks(huyen, { content: 0, lead: 1, partner: 2, product: 3, deadline: 4 }));

  const ct = ctxFor(docOf('ct-04-2024'));
  collect('ct-04-2024', ingestTasks(ct, { content: 0, lead: 1, partner: 2, deadline: 3, product: 4 }, { pipe: true }));
  const announced = ct.lines
    .map((l) => /triển khai (\d+) nhiệm vụ trong năm/u.exec(l))
    .find(Boolean);

  // Section C's size is announced in the body ("triển khai 12 nhiệm vụ trong năm 2024").
  const sectionC = groups.find((g) => g.id === 'ct-04-2024/C');
  if (sectionC && announced) sectionC.declared = Number(announced[1]);

  const moHinh = ctxFor(docOf('kh-mo-hinh'));
  const modelResult = ingestModels(moHinh);
  groups.push(...modelResult.groups);
  problems.push(...modelResult.problems.map((p) => `kh-mo-hinh: ${p}`));

  const targets = [
    ...districtTargets(huyen.doc, huyen.lines),
    ...provincialPhaseTargets(tu.doc, tu.lines),
    ...taskTargets(tinh.doc, tasks.filter((t) => t.doc === 'kh-tinh-2024')),
    ...taskTargets(tu.doc, tasks.filter((t) => t.doc === 'kh-tu-2025')),
    ...taskTargets(huyen.doc, tasks.filter((t) => t.doc === 'kh-huyen-2024')),
    ...taskTargets(ct.doc, tasks.filter((t) => t.doc === 'ct-04-2024')),
    ...modelTargets(moHinh.doc, modelResult.models),
  ];

  const catalog: Catalog = {
    version: CATALOG_VERSION,
    sources: SEED_DOCUMENTS.map((d) => ({ key: d.key, file: d.file, sha256: inputs.seedHashes?.[d.file] ?? '' })),
    documents: [...SEED_DOCUMENTS],
    groups,
    tasks,
    models: modelResult.models,
    targets,
    units: units.list(),
    defects,
  };
  return {
    catalog: CatalogSchema.parse(catalog),
    problems,
    bodyGroups,
    unclosedHeadings,
    announcedLocalTasks: announced ? Number(announced[1]) : null,
  };
}
