import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Attributes people read (or hear from a screen reader); all others are code, not text. */
const READABLE_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label', 'hint', 'heading', 'description', 'confirmLabel', 'cancelLabel', 'submitLabel'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Function is the honest type for TypeORM's migration class list.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**', 'tests/**', 'apps/web/vite.config.ts', '**/*.config.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // Every string a person reads comes from the catalogue (shared/i18n): no words in JSX.
    files: ['apps/web/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: READABLE_ATTRIBUTES, exclude: ['.*'] },
          // Arguments of these are message ids or other code, not words.
          callees: { exclude: ['t', 'translate', 'panel', 'require', 'addEventListener', 'removeEventListener', 'includes', 'startsWith', 'endsWith'] },
          // Punctuation, symbols and numbers between elements are not words to translate.
          words: { exclude: ['[\\s0-9!-/:-@[-`{-~·—–…⋯×]*'] },
          message: 'Words in JSX must come from the i18n catalogue (useT / <T>), not be written here.',
        },
      ],
    },
  },
);
