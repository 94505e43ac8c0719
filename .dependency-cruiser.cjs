// The layers of DESIGN.md, checked in `pnpm lint`: a package imports only from the layers below it and
// only through their public entries (package.json `exports`); a model imports no other model and no
// tool above the libraries; nothing is circular. packages/cli/test/layers.test.ts plants violations to
// prove each rule fires.

/** What each workspace folder may import from the other workspace folders (its own files are free). */
const ALLOWED = {
  'packages/core-data': [],
  'packages/core-train': ['packages/core-data'],
  'packages/bundle': ['packages/core-data'],
  'packages/core-serve': ['packages/core-data', 'packages/bundle'],
  'packages/runs': ['packages/core-data', 'packages/core-train', 'packages/bundle'],
  'packages/evaluate': [
    'packages/core-data',
    'packages/core-train',
    'packages/bundle',
    'packages/core-serve',
    'packages/runs',
  ],
  'packages/aws': [
    'packages/core-data',
    'packages/core-train',
    'packages/bundle',
    'packages/runs',
    'cloudformation',
  ],
  cloudformation: [],
  bench: ['packages/core-data', 'packages/core-train', 'packages/bundle', 'packages/core-serve'],
}

/** Every workspace folder that holds code, as a path regex. */
const WORKSPACE = '^(packages/[^/]+|models/[^/]+|cloudformation|bench)/'

/** The files a package.json `exports` names: the only way into a package from outside it. */
const PUBLIC_ENTRIES = [
  '^packages/[^/]+/src/index\\.ts$',
  '^packages/[^/]+/src/testing/index\\.ts$',
  '^packages/bundle/src/manifest/index\\.ts$',
  '^packages/core-train/src/workspace/index\\.ts$',
  '^packages/core-train/src/contract/train-main\\.ts$',
  '^packages/aws/src/platform/aws-errors\\.ts$',
  '^cloudformation/src/index\\.ts$',
]

const asRegex = (path) => path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

const layerRules = Object.entries(ALLOWED).map(([from, allowed]) => ({
  name: `layer:${from}`,
  comment: `${from} may import only ${allowed.length > 0 ? allowed.join(', ') : 'no other workspace package'} (DESIGN.md, Layout)`,
  severity: 'error',
  from: { path: `^${asRegex(from)}/` },
  to: {
    path: WORKSPACE,
    pathNot: [`^${asRegex(from)}/`, ...allowed.map((dir) => `^${asRegex(dir)}/`)],
  },
}))

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'layer:models',
      comment: 'a model builds on the libraries only: no other model, no CLI, no AWS or runs tooling',
      severity: 'error',
      from: { path: '^models/([^/]+)/' },
      to: {
        path: WORKSPACE,
        pathNot: ['^models/$1/', '^packages/(core-data|core-train|core-serve)/'],
      },
    },
    {
      name: 'layer:cli-is-on-top',
      comment: 'nothing imports the CLI: its src holds commands only',
      severity: 'error',
      from: { pathNot: '^packages/cli/' },
      to: { path: '^packages/cli/' },
    },
    {
      name: 'public-entries-only',
      comment: "another package's internals are reached only through its package.json exports",
      severity: 'error',
      from: { path: '^(packages|models)/([^/]+)/' },
      to: {
        path: '^packages/[^/]+/src/',
        pathNot: ['^packages/$2/', ...PUBLIC_ENTRIES],
      },
    },
    {
      name: 'no-circular',
      comment: 'modules that import each other cannot be understood, tested or moved one at a time',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^runs/|(^|/)(node_modules|dist|\\.test-results|\\.turbo)/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.json'],
    },
    preserveSymlinks: false,
  },
}
