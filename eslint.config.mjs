// Lint rules, including the boundaries between the parts of spark-dra (see CONTRIBUTING.md):
// - the engine is pure: no editor, LSP, CLI or client code, and no LSP message types;
// - the language server and the CLI reach the engine only through its facade (server/src/engine/index.ts);
// - the extension host and the webview never import the server; protocol/ is the only code they share with it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ENGINE_OUTSIDE_FACADE = {
  group: ['**/engine/**'],
  message: 'Faces use the engine through its facade: import from the engine folder itself (engine/index.ts).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-output/', 'test/fixtures/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it/test return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver-textdocument', 'vscode-languageclient'],
          patterns: [
            { group: ['**/lsp', '**/lsp/**', '**/cli', '**/cli/**'], message: 'The engine does not know its faces.' },
            { group: ['**/client/**'], message: 'The engine does not import the VS Code client.' },
            {
              group: ['**/protocol/requests'],
              message: 'The engine may use protocol data types, not the LSP message declarations.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_OUTSIDE_FACADE] }] },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**'],
              message: 'The client talks to the server through protocol/ requests, never by importing it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode'],
          patterns: [
            { group: ['**/server/**', '**/client/**'], message: 'protocol/ depends on no part of spark-dra.' },
          ],
        },
      ],
    },
  },
  {
    // Node scripts and runners; their page.evaluate callbacks run in the browser.
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The fake VS Code host page of the webview tests.
    files: ['test/webview/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
