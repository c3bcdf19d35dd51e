/**
 * da06 — command-line access to the catalog.
 *   da06 catalog stats [--json]
 *   da06 catalog show <ref> [--json]
 *   da06 catalog deadlines [--date YYYY-MM-DD] [--soon DAYS] [--json]
 *   da06 recognize <file.html> --url <url> [--adapter ID] [--json]
 *   da06 match [--code C] [--portal-id ID] [--name N] [--field F] [--level L] [--lang vi|en] [--json]
 *   da06 lookup <code|portalId|name> [--field F] [--level L] [--json]
 *   da06 report <folder> [--out dir] [--lang vi|en] [--threads N] [--include-demo] [--on-conflict ask|keep]
 * Run as `npm run -s da06 -- <subcommand>`.
 */
import { buildCatalog } from '../lib/catalog/build';
import { catalogStats, selfCheck } from '../lib/catalog/check';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../lib/catalog/deadline';
import { itemStatus } from '../lib/catalog/status';
import type { CatalogItem } from '../lib/catalog/schema';
import { readFileSync } from 'node:fs';
import { recognizePage, type KnownProcedureName } from '../lib/recognize';
import { adapterById, SITE_ADAPTERS } from '../lib/recognize/adapters';
import { parseHtml } from '../lib/recognize/node-dom';
import { readCatalogInputs } from './catalog-io';
import type { Locale } from '../lib/i18n';
import { MATCH_BANDS, matcherFor } from '../lib/match';
import { describeReason } from '../lib/match/reasons';
import { knownNameFrom } from '../lib/match/known-name';
import { bandMatcherFromData, type ItemTopics, type MatchData } from '../lib/match/bands';
import type { Catalog } from '../lib/catalog/schema';

/** The generated catalog's matcher without its search index (as the background builds it), read from lib/catalog/generated/. */
function generatedBandMatcher() {
  const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../lib/catalog/generated/${name}`, import.meta.url), 'utf8')) as T;
  return bandMatcherFromData(read<Catalog>('catalog.shipped.json'), read<MatchData>('match-data.json'), read<ItemTopics>('item-topics.json'));
}
import { readDirectory } from './directory-io';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function usage(code = 2): never {
  console.error(
    'usage: da06 recognize <file.html> --url <url> [--adapter ID] [--json]\n' +
      '       da06 match [--code C] [--portal-id ID] [--name N] [--field F] [--level L] [--lang vi|en] [--json]\n' +
      '       da06 lookup <code|portalId|name> [--field F] [--level L] [--json]\n' +
      '       da06 report <folder> [--out dir] [--lang vi|en] [--threads N] [--include-demo] [--on-conflict ask|keep]\n' +
      '       da06 catalog stats [--json]\n' +
      '       da06 catalog show <ref> [--json]\n' +
      '       da06 catalog deadlines [--date YYYY-MM-DD] [--soon DAYS] [--json]',
  );
  process.exit(code);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function recognizeCommand(args: string[]): void {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--url' && args[i - 1] !== '--adapter');
  const url = flag(args, '--url');
  if (!file || !url) usage();
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    new URL(url);
  } catch {
    console.error(`Not a URL: ${url}`);
    process.exit(1);
  }
  const adapterId = flag(args, '--adapter');
  if (adapterId && adapterId !== 'generic' && !adapterById(adapterId)) {
    console.error(`Unknown adapter ${adapterId}; one of: generic, ${SITE_ADAPTERS.map((a) => a.id).join(', ')}`);
    process.exit(1);
  }
  // As in the extension: a page title names the procedure only when it is a known procedure's name.
  // The matcher (without its search index, as in the background) and the directory are loaded only when the generic reader asks.
  let resolve: KnownProcedureName | undefined;
  const knownName: KnownProcedureName = (title, hints) => (resolve ??= knownNameFrom(generatedBandMatcher(), readDirectory()))(title, hints);
  const page = recognizePage(parseHtml(html), url, { ...(adapterId ? { adapterId } : {}), knownName });
  if (args.includes('--json')) {
    console.log(JSON.stringify(page, null, 2));
    return;
  }
  console.log(`${page.pageKind} (${page.site}, confidence ${page.confidence})`);
  for (const [k, v] of Object.entries(page.procedure ?? {})) console.log(`  ${k}: ${v}`);
  if (page.dossierCode) console.log(`  dossierCode: ${page.dossierCode}`);
  console.log(`  url rule: ${page.evidence.urlRule ?? '—'}`);
  console.log(`  found: ${page.evidence.landmarks.join(', ') || '—'}`);
  console.log(`  tried: ${page.evidence.tried.join(', ') || '—'}`);
}

function matchCommand(args: string[]): void {
  const query = {
    code: flag(args, '--code'), portalId: flag(args, '--portal-id'), name: flag(args, '--name'), field: flag(args, '--field'), level: flag(args, '--level'),
  };
  if (!query.code && !query.portalId && !query.name && !query.field) {
    console.error('da06 match needs at least --code, --portal-id, --name or --field.');
    usage();
  }
  const locale: Locale = flag(args, '--lang') === 'en' ? 'en' : 'vi';
  const { catalog } = buildCatalog(readCatalogInputs());
  const matcher = matcherFor(catalog);
  const result = matcher.match(query, { directory: readDirectory() });
  const items = result.items.map((i) => ({
    ref: i.ref,
    kind: i.kind,
    band: i.band,
    ...(i.restates ? { restates: i.restates } : {}),
    reason: i.reasons.map((r) => describeReason(r, locale, matcher.tagger)).join(' '),
  }));
  if (args.includes('--json')) {
    console.log(JSON.stringify({ procedure: result.procedure, items, leftOut: result.leftOut }, null, 2));
    return;
  }
  const p = result.procedure;
  console.log(`${p.name ?? '—'} (${p.code ?? 'no code'}; ${p.field ?? 'no field'})`);
  if (p.directory) console.log(`  directory: ${p.directory.code} by ${p.directory.by}`);
  if (p.reference) console.log(`  reference: ${p.reference.id} by ${p.reference.by}`);
  for (const d of p.disagreements) console.log(`  disagreement (${d.what}): page "${d.page}", ${d.source} "${d.other}"`);
  console.log(`  topics: ${p.topics.map((t) => `${t.topicId} (${t.source})`).join(', ') || '—'}`);
  for (const band of MATCH_BANDS) {
    const inBand = items.filter((i) => i.band === band);
    console.log(`\n${band}: ${inBand.filter((i) => !i.restates).length} (+${inBand.filter((i) => i.restates).length} shown with the item they restate)`);
    for (const i of inBand) {
      console.log(i.restates ? `    ↳ ${i.ref.padEnd(20)} restates ${i.restates}` : `  ${i.ref.padEnd(22)} ${i.kind.padEnd(6)} ${i.reason}`);
    }
  }
  if (result.leftOut.length) {
    console.log(`\nleft out of every filing on review: ${result.leftOut.length}`);
    for (const l of result.leftOut) console.log(`  ${l.ref.padEnd(22)} ${l.reason}`);
  }
}

function lookupCommand(args: string[]): void {
  const valueFlags = ['--field', '--level'];
  const text = args.filter((a, i) => !a.startsWith('--') && !valueFlags.includes(args[i - 1])).join(' ').trim();
  if (!text) usage();
  const directory = readDirectory();
  const hit = directory.find(text, { field: flag(args, '--field'), level: flag(args, '--level') });
  if (!hit) {
    console.error(`No directory entry for "${text}" (a code 1.001193, a portal id, or a name that clearly matches one entry).`);
    process.exit(1);
  }
  const url = `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${hit.entry.portalId}`;
  const how = hit.by === 'name' ? { score: Number(hit.match.score.toFixed(3)), margin: Number(hit.match.margin.toFixed(3)), inField: hit.match.inField } : {};
  if (args.includes('--json')) {
    console.log(JSON.stringify({ by: hit.by, ...how, entry: hit.entry, url, source: directory.source }, null, 2));
    return;
  }
  const e = hit.entry;
  console.log(`${e.code}  ${e.name}`);
  console.log(`  field: ${e.field || '—'}`);
  console.log(`  level: ${e.level || '—'}`);
  console.log(`  agency: ${e.agency || '—'}`);
  console.log(`  portalId: ${e.portalId}`);
  console.log(`  page: ${url}`);
  const by = hit.by === 'name' ? `name (similarity ${how.score}, ahead by ${how.margin}${how.inField ? ', within the field' : ''})` : hit.by;
  console.log(`  found by: ${by}; directory of ${directory.source.crawledAt ?? '?'}, ${directory.size} procedures`);
}

function main(argv: string[]): void {
  const [area, command, ...rest] = argv;
  if (area === 'lookup') {
    lookupCommand([command, ...rest].filter((a): a is string => a !== undefined));
    return;
  }
  if (area === 'match') {
    matchCommand([command, ...rest].filter((a): a is string => a !== undefined));
    return;
  }
  if (area === 'report') {
    // Loaded only for this command: DuckDB is a native module the other commands do not need.
    void import('./report/run').then(async ({ reportCommand }) => {
      process.exitCode = await reportCommand([command, ...rest].filter((a): a is string => a !== undefined));
    });
    return;
  }
  if (area === 'recognize') {
    recognizeCommand([command, ...rest].filter((a): a is string => a !== undefined));
    return;
  }
  if (area !== 'catalog' || !command) usage();
  const json = rest.includes('--json');
  const report = buildCatalog(readCatalogInputs());
  const { catalog } = report;
  const items: CatalogItem[] = [...catalog.tasks, ...catalog.models, ...catalog.targets];

  if (command === 'stats') {
    const check = selfCheck(report);
    const stats = { ...catalogStats(catalog), selfCheck: check };
    if (json) {
      console.log(JSON.stringify(stats, null, 2));
      return;
    }
    for (const doc of catalog.documents) {
      const d = stats.documents[doc.key] as { tasks: number; models: number; targets: number; groups: { numeral: string; heading: string; declared: number | null; found: number }[] };
      console.log(`${doc.key} — ${doc.shortTitle}: ${d.tasks} tasks, ${d.models} models, ${d.targets} targets`);
      for (const g of d.groups) {
        const mark = g.declared === null || g.declared === g.found ? 'ok ' : 'BAD';
        console.log(`  ${mark} ${g.numeral.padEnd(5)} declared ${String(g.declared ?? '—').padStart(2)} found ${String(g.found).padStart(2)}  ${g.heading}`);
      }
    }
    console.log(`models ${stats.models}, targets ${stats.targets}, units ${stats.units} (${stats.unitsReviewed} reviewed)`);
    console.log(`deadlines ${stats.deadlines.parsed}/${stats.deadlines.total} parsed; unknown: ${stats.deadlines.unknown.join(', ') || 'none'}`);
    console.log('defects:');
    for (const d of stats.defects) console.log(`  ${d.id} (${d.doc}): ${d.what}\n      → ${d.handling}`);
    console.log(check.ok ? 'self-check: ok' : `self-check: FAILED\n  ${check.failures.join('\n  ')}`);
    if (!check.ok) process.exitCode = 1;
    return;
  }

  if (command === 'show') {
    const ref = rest.find((a) => !a.startsWith('--'));
    if (!ref) usage();
    const item = items.find((i) => i.ref === ref);
    if (!item) {
      const examples = catalog.documents.map((d) => items.find((i) => i.doc === d.key)?.ref).filter(Boolean);
      console.error(`No item with ref ${ref}. Refs look like ${examples.join(', ')}.`);
      process.exit(1);
    }
    if (json) {
      console.log(JSON.stringify(item, null, 2));
      return;
    }
    const unitName = (id: string) => catalog.units.find((u) => u.id === id)?.name ?? id;
    const doc = catalog.documents.find((d) => d.key === item.doc)!;
    console.log(`${item.ref}  [${item.kind}]  ${doc.shortTitle} (${doc.date})`);
    if (item.kind === 'task' || item.kind === 'model') {
      const group = catalog.groups.find((g) => g.id === item.groupId);
      console.log(`group: ${group?.numeral} ${group?.heading}`);
    }
    if (item.kind === 'task') {
      console.log(`content: ${item.content}`);
      console.log(`lead: ${item.leadUnitIds.map(unitName).join('; ')}`);
      console.log(`partners: ${item.partnerUnitIds.map(unitName).join('; ')}`);
      console.log(`deadline: ${item.deadline.raw} → ${item.deadline.kind}${item.deadline.due ? `, due ${item.deadline.due}` : ''}`);
      if (item.product) console.log(`product: ${item.product}`);
      if (item.incomplete) console.log('INCOMPLETE (see defects)');
    } else if (item.kind === 'model') {
      console.log(`name: Mô hình ${item.nationalNumber}: ${item.name} (appendix row ${item.rowNumber})`);
      if (item.goal) console.log(`goal: ${item.goal}`);
      if (item.assignments) console.log(`assignments: ${item.assignments}`);
      console.log(`lead: ${item.leadUnitIds.map(unitName).join('; ')}`);
      console.log(`partners: ${item.partnerUnitIds.map(unitName).join('; ')}`);
      console.log(`support: ${item.supportUnitIds.map(unitName).join('; ')}`);
      console.log(`deadline: ${item.deadline.raw} → ${item.deadline.kind}`);
      console.log(`platforms: ${item.platforms.join('; ')}`);
    } else {
      console.log(`statement: ${item.statement}`);
      console.log(`target: ${item.comparator} ${item.value}${item.unit === '%' ? '%' : ` (${item.unit}${item.countOf ? `: ${item.countOf}` : ''})`}`);
      if (item.scope) console.log(`scope: ${item.scope}`);
      console.log(`period: ${JSON.stringify(item.period)}`);
      if (item.taskRef) console.log(`from: ${item.taskRef}`);
    }
    if ('defectIds' in item && item.defectIds.length) console.log(`defects: ${item.defectIds.join(', ')}`);
    const p = item.provenance;
    console.log(`provenance: seeds/${p.file} lines ${p.lines[0]}–${p.lines[1]}`);
    return;
  }

  if (command === 'deadlines') {
    const date = flag(rest, '--date') ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) usage();
    const soon = Number(flag(rest, '--soon') ?? 30);
    const byStatus = Object.fromEntries(DEADLINE_STATUSES.map((s) => [s, [] as { ref: string; deadline: string; due?: string }[]])) as Record<DeadlineStatus, { ref: string; deadline: string; due?: string }[]>;
    for (const item of [...catalog.tasks, ...catalog.models]) {
      const status = itemStatus(catalog, item, date, { dueSoonDays: soon }).status;
      byStatus[status].push({ ref: item.ref, deadline: item.deadline.raw, ...(item.deadline.due ? { due: item.deadline.due } : {}) });
    }
    if (json) {
      console.log(JSON.stringify({ date, dueSoonDays: soon, statuses: byStatus }, null, 2));
      return;
    }
    console.log(`Status on ${date} (due soon = within ${soon} days)`);
    for (const s of DEADLINE_STATUSES) {
      console.log(`\n${s} (${byStatus[s].length})`);
      for (const e of byStatus[s]) console.log(`  ${e.ref.padEnd(20)} ${e.due ?? ''.padEnd(10)}  ${e.deadline.slice(0, 90)}`);
    }
    return;
  }
  usage();
}

main(process.argv.slice(2));
