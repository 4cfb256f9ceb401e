// Lint gate (`npm run lint`): typescript-eslint with type information on every .ts/.tsx file of the tree.
// The project service gives each file the program of its nearest tsconfig.json (the root one for server/,
// bench/, scripts/, sdk/ and vitest.config.ts; web/tsconfig.json for the web client); a file no tsconfig includes
// is an error, so a new folder must be added to a tsconfig before it can be linted.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated (codegen), build output, the embedded database and the PostGraphile peer (its own package).
    ignores: ['web/src/graphql/', 'sdk/src/graphql/', 'web/dist/', 'data/', 'coverage/', 'bench/postgraphile/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The gate's reason to be, errors in recommendedTypeChecked already and kept so here on purpose:
      // a promise nobody awaits or handles, and a promise where a void callback is expected.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Not taken from recommendedTypeChecked: these report every value typed `any` (JSON bodies, untyped
      // library callbacks, test doubles) rather than bugs; enabling them is a typing job of its own.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // `Function` is how type-graphql and MikroORM type class constructors (resolvers, entities).
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Async without await is how interfaces ask for it (migrations, Apollo plugins, Fastify plugins and
      // handlers, provider doubles): the function must return a promise, and a sync throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
