/**
 * The layering, checked in `npm test` (npm run lint:deps). See README → Layout.
 * Type-only imports count (tsPreCompilationDeps): a cycle through types is still a cycle of
 * modules that have to be understood together.
 */
const TEST_FILE = '(\\.test\\.tsx?$|^tests/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs on both sides: nothing from electron/ or renderer/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ code has no Node builtins (its tests may read fixtures with node:fs).',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer reaches the privileged side only through renderer/api/client.ts and the contract in shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: '^(renderer|shared|node_modules)/' },
    },
    {
      name: 'only-shell-imports-electron',
      comment: 'Only the shell (electron/main) and the preload import electron; everything else is plain Node.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'services-not-shell',
      comment: 'Services (electron/ outside main and preload) never import the shell.',
      severity: 'error',
      from: { path: '^electron/', pathNot: '^electron/(main|preload)/' },
      to: { path: '^electron/main/' },
    },
    {
      name: 'resolvable',
      comment: 'An import the checker cannot resolve would slip past the rules above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'test-code-stays-in-tests',
      comment: 'Only test files import test files or tests/fixtures; the app never ships them.',
      severity: 'error',
      from: { pathNot: TEST_FILE },
      to: { path: TEST_FILE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules may be a symlink (a git worktree sharing the main checkout's); keep its path.
    preserveSymlinks: true,
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    // tsc -b covers four projects; this one includes shared/, electron/, tests/ and scripts/ with
    // NodeNext resolution. The renderer's Bundler resolution differs only for bare names, which
    // resolve from node_modules either way. `.js` specifiers resolve to the .ts/.tsx/.cts source.
    tsConfig: { fileName: 'tsconfig.tests.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.cts', '.mts', '.js', '.cjs', '.mjs', '.json'],
      // Packages that declare only `exports` (lowdb, @electron/fuses) resolve through it.
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
