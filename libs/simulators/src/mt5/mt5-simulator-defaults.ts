import type { Mt5Session, Mt5SimulatorConfig, Mt5SymbolConfig } from './mt5-simulator-config.js';

const DAY = 86_400;

/** FX trades from Monday 00:00 to Friday 23:55 server time, the usual GMT+2/+3 broker week. */
function fxWeek(): Mt5Session[] {
  return [1, 2, 3, 4, 5].map((day) => ({ day, fromSeconds: 0, toSeconds: day === 5 ? DAY - 300 : DAY }));
}

/** Gold has a daily break from 23:55 to 01:00 server time besides the weekend. */
function metalWeek(): Mt5Session[] {
  return [1, 2, 3, 4, 5].map((day) => ({ day, fromSeconds: 3_600, toSeconds: DAY - 300 }));
}

const ALL_ORDER_TYPES = 127;
/** GTC | DAY | SPECIFIED | SPECIFIED_DAY. */
const ALL_EXPIRATIONS = 15;
/** SYMBOL_FILLING_FOK | SYMBOL_FILLING_IOC. */
const FOK_IOC = 3;

function forex(
  name: string,
  description: string,
  digits: number,
  startPrice: string,
  spreadPoints: number,
): Mt5SymbolConfig {
  const point = (10 ** -digits).toFixed(digits);
  return {
    name,
    description,
    path: `Forex\\${name}`,
    currencyBase: name.slice(0, 3),
    currencyProfit: name.slice(3),
    currencyMargin: name.slice(0, 3),
    digits,
    point,
    tickSize: point,
    contractSize: '100000',
    volumeMin: '0.01',
    volumeMax: '100',
    volumeStep: '0.01',
    stopsLevel: 10,
    freezeLevel: 0,
    tradeMode: 4,
    exeMode: 2,
    fillingMode: FOK_IOC,
    orderMode: ALL_ORDER_TYPES,
    expirationMode: ALL_EXPIRATIONS,
    spreadPoints,
    startPrice,
    volatility: 0.0001,
    sessions: fxWeek(),
  };
}

/** EURUSD, GBPUSD, USDJPY on Market execution, and XAUUSD on Instant execution (so requotes apply). */
export function defaultMt5Symbols(): Mt5SymbolConfig[] {
  return [
    forex('EURUSD', 'Euro vs US Dollar', 5, '1.10000', 10),
    forex('GBPUSD', 'Great Britain Pound vs US Dollar', 5, '1.27000', 15),
    forex('USDJPY', 'US Dollar vs Japanese Yen', 3, '150.000', 12),
    {
      ...forex('XAUUSD', 'Gold vs US Dollar', 2, '2000.00', 30),
      path: 'Metals\\XAUUSD',
      contractSize: '100',
      exeMode: 1,
      stopsLevel: 20,
      sessions: metalWeek(),
    },
  ];
}

/**
 * The same symbols trading around the clock, every day of the week: for demos and end-to-end tests that
 * must not fail on a weekend (a real server would answer 10018 MARKET_CLOSED then).
 */
export function openAllWeek(symbols: readonly Mt5SymbolConfig[]): Mt5SymbolConfig[] {
  const always = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromSeconds: 0, toSeconds: DAY }));
  return symbols.map((symbol) => ({ ...symbol, sessions: always }));
}

/** A demo hedging account of 10 000 USD at 1:100 on a GMT+2/+3 (US DST) server. */
export function defaultMt5SimulatorConfig(): Mt5SimulatorConfig {
  return {
    login: '5012345',
    server: 'Edgerunner-Sim',
    company: 'Edgerunner Simulated Markets Ltd.',
    name: 'Edgerunner Tester',
    currency: 'USD',
    marginMode: 'hedging',
    balance: '10000',
    leverage: 100,
    build: 4410,
    tradeAllowed: true,
    serverClock: { kind: 'new-york', plusHours: 7 },
    clock: () => Date.now(),
    seed: 7,
    tickIntervalMs: 0,
    historyMinutes: 2_880,
    heartbeatIntervalMs: 5_000,
    installedExperts: ['Examples\\MACD Sample', 'Examples\\Moving Average'],
    symbols: defaultMt5Symbols(),
  };
}
