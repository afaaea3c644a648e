// Jest runs TypeScript as native ES modules (NestJS 12 is ESM-only), transformed by SWC
// with legacy decorators and decorator metadata, which NestJS and TypeORM rely on.
const swc = [
  '@swc/jest',
  {
    module: { type: 'es6' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    sourceMaps: 'inline',
  },
];

const CJS_COMPILED = '(content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    // ESM-only dependencies required from CommonJS (content-disposition by @fastify/static;
    // htmlparser2 and its dom*/entities packages by sanitize-html): Node 20 can do
    // require(esm) but Jest's module runtime cannot, so they are compiled to CommonJS here.
    // (@swc/jest still emits ESM when one of them is imported from ESM, e.g. entities by markdown-it.)
    // The releases pinned for Node 20.19 (README, "Node.js") ship CommonJS builds; compiling
    // them again is harmless, and the rule is ready for when they move up.
    [`/node_modules/${CJS_COMPILED}/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.(t|j)sx?$': swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!${CJS_COMPILED}/)`],
  moduleNameMapper: {
    '^@kindred/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  roots: ['<rootDir>/tests', '<rootDir>/apps/api/src', '<rootDir>/libs/contracts/src'],
  testMatch: ['**/*.test.ts', '**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/tests/bench/'],
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.mjs'],
  testTimeout: 60_000,
  maxWorkers: 2,
  // Each test file imports the whole app afresh (ESM modules are not shared between files), and
  // a worker that has run many keeps growing until it crashes out of memory (seen with 114 files).
  // A worker over this after a file is replaced by a fresh one, which also keeps GC pauses short.
  workerIdleMemoryLimit: '1GB',
};
