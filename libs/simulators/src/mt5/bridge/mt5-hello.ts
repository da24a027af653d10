import { BRIDGE_PROTOCOL_VERSION, type HelloMessage } from '#brokers/mt5/bridge/bridge-protocol.js';
import type { Mt5ServerTime } from '../mt5-server-time.js';
import type { Mt5SimulatorConfig } from '../mt5-simulator-config.js';

/**
 * The EA's first line on every connection: the account, the terminal build, whether it may trade, and
 * TimeTradeServer() - TimeGMT() now (7200 in a GMT+2 winter, 10800 in summer).
 */
export function helloOf(config: Mt5SimulatorConfig, time: Mt5ServerTime, token: string): HelloMessage {
  return {
    type: 'hello',
    protocol: BRIDGE_PROTOCOL_VERSION,
    token,
    build: config.build,
    login: config.login,
    server: config.server,
    company: config.company,
    currency: config.currency,
    marginMode: config.marginMode,
    tradeAllowed: config.tradeAllowed,
    serverOffsetSeconds: time.offsetMs(config.clock()) / 1000,
  };
}
