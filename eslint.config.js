import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import local from './eslint-rules/layering.js';
import cycles from './eslint-rules/typeCycles.js';

const NO_DEFAULT_EXPORT = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.tsbuild',
      'out',
      'dist',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { local },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT],
    },
  },
  {
    // No import cycles: a cycle means two modules are one module, or one of them holds a third's job.
    // The node resolver of import-x resolves the extension-less relative imports to .ts/.tsx files.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    plugins: { 'import-x': importX, cycles },
    settings: {
      // Without these import-x parses only .js files and sees no dependency of a .ts module.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // import-x skips `import type`; this one counts it (eslint-rules/typeCycles.js).
      'cycles/no-type-cycle': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
          '__filename',
          'global',
        ].map((name) => ({ name, message: 'src/shared is pure: no Node or DOM globals.' })),
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The renderer runs sandboxed: no Node globals.',
        })),
      ],
    },
  },
  {
    // The app reads the wall clock in one place (src/shared/time/clock.ts) and gets a Clock injected
    // everywhere else, so tests can fix or move time. `new Date(value)` only parses: allowed.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/time/clock.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Read time through the injected Clock (src/shared/time/clock.ts).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        NO_DEFAULT_EXPORT,
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'Read time through the injected Clock (src/shared/time/clock.ts); new Date(value) is fine.',
        },
      ],
    },
  },
  {
    // Durations belong in `npm run bench`: a test that times itself fails on a loaded CI machine.
    files: ['test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'performance',
          property: 'now',
          message: 'Tests never time themselves: measure in bench/.',
        },
      ],
    },
  },
  {
    files: ['eslint-rules/**', '*.config.{js,ts,mjs}', 'test/e2e/globalSetup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
