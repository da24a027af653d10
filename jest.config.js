/** Jest in native ESM mode (NODE_OPTIONS=--experimental-vm-modules), TypeScript through @swc/jest. */
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // The package's `imports` aliases, to the TypeScript sources (package.json maps them to dist/ at run time).
    '^#(async|backtest|brokers|simulators)$': '<rootDir>/libs/$1/src/index.ts',
    '^#(async|backtest|brokers|simulators)/(.*)\\.js$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['@swc/jest', {}] },
  setupFiles: ['<rootDir>/test/setup/preload-nest.ts'],
  testEnvironment: 'node',
};

export default {
  // Each e2e suite boots the whole app on an embedded PostgreSQL; on 2 cores that can take seconds, and a
  // test that starts the built server two or three times waits for each first start (up to 45 s each).
  testTimeout: 180_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
    },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/test'], testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
