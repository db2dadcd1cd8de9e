// Lint, plus the environment boundaries of docs/ARCHITECTURE.md: the renderer never
// reaches Node, Electron, the AWS SDK or main; shared code is runtime-neutral;
// services and the emulator run in plain Node without Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'zlib'];
const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['.scratch/**', 'out/**', 'node_modules/**', 'e2e/artifacts/**', 'bench/results/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One concept per module: a file past 300 lines (blank lines and comments aside) wants splitting.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/main/**', '**/emulator/**', '**/renderer/**'],
        'The preload bundles only the contract (src/shared): it may not pull main code into the window.',
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', ...nodeBuiltins, '@aws-sdk/*', '@smithy/*', 'better-sqlite3', '**/main/**', '**/emulator/**', '**/preload/**'],
        'The renderer is untrusted: it talks to main only through src/renderer/src/api.',
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', ...nodeBuiltins, 'react', 'react-dom', '@aws-sdk/*', 'better-sqlite3'],
        'src/shared runs on both sides: no Node, DOM or SDK imports.',
      ),
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', '@aws-sdk/*', '@smithy/*', '**/main/**', '**/emulator/**', '**/renderer/**', '**/preload/**'],
        'src/lib is plain-Node helpers shared by main and the emulator: it depends on neither.',
      ),
    },
  },
  {
    files: ['src/main/services/**/*.ts', 'src/main/app/**/*.ts', 'src/main/host/**/*.ts', 'src/main/web-main.ts', 'src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['electron'], 'Services, the web host and the emulator run in plain Node: inject what Electron provides.'),
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*', '.ci/**/*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
