/**
 * The house's boundaries, checked by `npm run lint:boundaries` (and so by CI): libs never import the app,
 * vendor SDKs stay in their venue folder, the backtest library sees only the domain, and feature folders
 * import one way only. Specs may reach across (a test wires what the app wires).
 */
const SPEC = '\\.(spec|e2e-spec)\\.ts$';

/** The app's feature folders, each allowed to import only those listed before it (and src/common, config). */
const FEATURE_LAYERS = [
  'auth',
  'broker',
  'market-data',
  'trades',
  'risk',
  'orders',
  'accounts',
  'sync',
  'strategy',
  'webhooks',
  'health',
];

const layerRules = FEATURE_LAYERS.map((feature, index) => ({
  name: `layer-${feature}`,
  comment: `src/${feature} may import only the features below it (${FEATURE_LAYERS.slice(0, index).join(', ') || 'none'})`,
  severity: 'error',
  from: { path: `^src/${feature}/`, pathNot: SPEC },
  to: { path: `^src/(${FEATURE_LAYERS.slice(index + 1).join('|') || 'none'})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles outside tests',
      severity: 'error',
      from: { pathNot: SPEC },
      to: { circular: true, viaOnly: { pathNot: SPEC } },
    },
    {
      name: 'libs-not-app',
      comment: 'libs/ never imports the app in src/',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'base-not-features',
      comment: 'src/common, src/config and src/persistence sit under every feature and import none of them',
      severity: 'error',
      from: { path: '^src/(common|config|persistence)/', pathNot: SPEC },
      to: { path: `^src/(${FEATURE_LAYERS.join('|')})/` },
    },
    ...layerRules,
    {
      name: 'bybit-sdk-in-its-venue',
      comment: 'bybit-api is imported only in the Bybit venue folder and the Bybit simulator',
      severity: 'error',
      from: { pathNot: '^libs/(brokers|simulators)/src/bybit/' },
      to: { path: 'node_modules/bybit-api/' },
    },
    {
      name: 'ib-sdk-in-its-venue',
      comment: '@stoqey/ib is imported only in the IBKR venue folder and the TWS simulator',
      severity: 'error',
      from: { pathNot: '^libs/(brokers|simulators)/src/ibkr/' },
      to: { path: 'node_modules/@stoqey/ib/' },
    },
    {
      name: 'mt5-bridge-in-its-venue',
      comment: "The MT5 bridge's types stay in the MT5 venue folder and the MT5 simulator",
      severity: 'error',
      from: { pathNot: '^libs/(brokers/src/mt5|simulators/src/mt5)/' },
      to: { path: '^libs/brokers/src/mt5/bridge/' },
    },
    {
      name: 'backtest-sees-only-the-domain',
      comment: 'libs/backtest imports only the domain and decimal parts of libs/brokers, and no Nest',
      severity: 'error',
      from: { path: '^libs/backtest/' },
      to: { path: '^libs/brokers/src/', pathNot: '^libs/brokers/src/(domain|decimal)/' },
    },
    {
      name: 'brokers-not-simulators',
      comment: 'libs/brokers code never imports libs/simulators (its specs may, to test against them)',
      severity: 'error',
      from: { path: '^libs/brokers/', pathNot: SPEC },
      to: { path: '^libs/simulators/' },
    },
    {
      name: 'libs-free-of-nest',
      comment: 'libs/ stay plain TypeScript',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: 'node_modules/@nestjs/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      conditionNames: ['types', 'import', 'node', 'default'],
    },
  },
};
