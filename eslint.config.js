// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'apps/api/drizzle/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The engine is pure: no I/O, no ambient clock, no ambient randomness.
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'fetch', 'process'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Inject the random source.' },
        { object: 'Date', property: 'now', message: 'Inject the clock.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '@jalon/api*', '../../apps/*'] }],
    },
  },
  {
    // Modules talk to each other through their index.ts only.
    files: ['apps/api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$|schema$)', message: 'Import another module through its index.ts (its schema.ts for foreign keys).' }] },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'packages/content/scripts/**/*.ts', 'apps/api/scripts/**/*.ts', '**/*.bench.ts'],
    rules: { 'no-console': 'off' },
  },
);
