// Type-aware lint over every tsconfig'd source folder: typescript-eslint's recommended-type-checked set plus the
// React hooks rules for the renderer. Each rule changed below says why it does not fit this codebase as shipped.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  globalIgnores(['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**']),
  {
    files: ['shared/**/*.ts', 'electron/**/*.{ts,cts}', 'renderer/**/*.{ts,tsx}', 'tests/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { id: _i, ...fields } = c` is how a record's bookkeeping keys are dropped; `_x` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // React event props ignore what a handler returns; a rejected async handler is shown by the page-wide toast in renderer/main.tsx.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests parse the CLI's and the bridge's JSON answers and require() CommonJS build configs, then check the shape with expect; typing each parse would only restate the assertion.
    files: ['**/*.test.ts', 'tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The plain-JS start scripts carry no types, so type-aware rules would only report `any` everywhere.
    files: ['scripts/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Compiling a record reader per key list (packedDocument) and running the compiled preload/shell in a test sandbox are the point of these files.
    files: ['electron/vault/packedDocument.ts', 'electron/main/preload.test.ts', 'electron/main/shellStart.test.ts'],
    rules: { '@typescript-eslint/no-implied-eval': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Mantine modals stay mounted, so a dialog's draft is reset from what it edits when it opens; a keyed remount would cut the close animation.
      'react-hooks/set-state-in-effect': 'off',
      // useLastShown and useSearch keep a render-time memory in a ref on purpose (a closing dialog's last text, the search box's narrowing cache).
      'react-hooks/refs': 'off',
      // The React Compiler is not part of the build, so a library it cannot memoize (TanStack Virtual) costs nothing here.
      'react-hooks/incompatible-library': 'off',
    },
  },
]);
