/**
 * Layers of the extension, checked by `npm run lint` (dependency-cruiser).
 *
 *   entrypoints/  wire services and mount React; nothing imports them
 *   components/   React UI; may use services/ and lib/
 *   services/     one instance per context (the journal connection, tab state…); may use lib/, never the UI
 *   lib/          plain TypeScript, testable in Node; imports none of the above
 *
 * and no import cycles: neither between files nor between folders (lib/journal ↔
 * lib/export was a folder cycle made of acyclic files, which a file-level check misses).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycle between files: split the shared part into a module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      scope: 'folder',
      severity: 'error',
      comment: 'Import cycle between folders: one folder must sit below the other (e.g. lib/exchange uses lib/journal, never the reverse).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-plain',
      severity: 'error',
      comment: 'lib/ is plain TypeScript testable in Node: it never imports the UI (components/), the per-context services or the entry points.',
      from: { path: '^lib/' },
      to: { path: '^(components|services|entrypoints)/' },
    },
    {
      name: 'services-without-ui',
      severity: 'error',
      comment: 'services/ run in the background too: they never import React views (components/).',
      from: { path: '^services/' },
      to: { path: '^components/' },
    },
    {
      name: 'ui-below-entrypoints',
      severity: 'error',
      comment: 'components/ is used by entrypoints/, never the reverse.',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'nothing-imports-entrypoints',
      severity: 'error',
      comment: 'Entry points are leaves: code shared between them belongs in lib/ or components/.',
      from: { pathNot: '^entrypoints/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'Every import must resolve (a typo would otherwise hide a dependency from these rules).',
      from: {},
      // lib/catalog/generated/ is written by `npm run catalog`; the lint does not need it.
      to: { couldNotResolve: true, pathNot: '/generated/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    // Type-only imports count: a cycle of types still means two modules that cannot be read apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.deps.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    cache: false,
  },
};
