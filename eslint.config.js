import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import local from './eslint-rules/layering.js';

export default tseslint.config(
  { ignores: ['node_modules', '.tsbuild', 'out', 'dist', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { local },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map(
          (name) => ({ name, message: 'src/shared is pure: no Node or DOM globals.' }),
        ),
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
    // Durations belong in `npm run bench`: a test that times itself fails on a loaded CI machine.
    files: ['test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'performance', property: 'now', message: 'Tests never time themselves: measure in bench/.' },
      ],
    },
  },
  {
    files: ['eslint-rules/**', '*.config.{js,ts,mjs}', 'test/e2e/globalSetup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
