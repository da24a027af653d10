import type Big from 'big.js';
import { dec, isMultipleOf } from '../../paper-engine.js';
import { ORDER_FILLING, ORDER_TIME, ORDER_TYPE } from '#brokers/mt5/bridge/bridge-commands.js';
import { RETCODE } from '../mt5-codes.js';
import type { Mt5Quote } from '../market/mt5-market.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';
import { isBuyType } from './mt5-records.js';

/** A refusal, or undefined when the check passes. */
export type Verdict = number | undefined;

/** SYMBOL_VOLUME_MIN ≤ volume ≤ SYMBOL_VOLUME_MAX, on SYMBOL_VOLUME_STEP → else 10014. */
export function checkVolume(symbol: Mt5SymbolConfig, volume: Big | undefined): Verdict {
  if (!volume || volume.lt(symbol.volumeMin) || volume.gt(symbol.volumeMax)) return RETCODE.INVALID_VOLUME;
  return isMultipleOf(volume, symbol.volumeStep) ? undefined : RETCODE.INVALID_VOLUME;
}

/** Every price of the request on SYMBOL_TRADE_TICK_SIZE (0 means "none") → else 10015. */
export function checkTick(symbol: Mt5SymbolConfig, ...prices: Big[]): Verdict {
  const ok = prices.every((p) => p.gte(0) && isMultipleOf(p, symbol.tickSize));
  return ok ? undefined : RETCODE.INVALID_PRICE;
}

function stopsDistance(symbol: Mt5SymbolConfig): Big {
  return dec(symbol.point).times(symbol.stopsLevel);
}

/** At least the stops level away, and on the right side even with a level of 0. */
function farEnough(distance: Big, level: Big): boolean {
  return distance.gt(0) && distance.gte(level);
}

/**
 * SL/TP of a position (or of the deal opening one) against the price it would close at: a buy's levels
 * against Bid, a sell's against Ask, each at least SYMBOL_TRADE_STOPS_LEVEL points away → else 10016.
 */
export function checkPositionStops(
  symbol: Mt5SymbolConfig,
  buy: boolean,
  sl: Big,
  tp: Big,
  quote: Mt5Quote,
): Verdict {
  return checkStopsFrom(symbol, buy, sl, tp, buy ? quote.bid : quote.ask);
}

/** SL/TP of a pending order against the price it will open at. */
export function checkStopsFrom(symbol: Mt5SymbolConfig, buy: boolean, sl: Big, tp: Big, from: Big): Verdict {
  const level = stopsDistance(symbol);
  const slOk = sl.eq(0) || farEnough(buy ? from.minus(sl) : sl.minus(from), level);
  const tpOk = tp.eq(0) || farEnough(buy ? tp.minus(from) : from.minus(tp), level);
  return slOk && tpOk ? undefined : RETCODE.INVALID_STOPS;
}

/**
 * A pending price against the market: limits below Ask (buy) / above Bid (sell), stops above Ask / below
 * Bid. The wrong side is an invalid price (10015); the right side but inside the stops level, invalid
 * stops (10016). A stop-limit's limit price must sit the stops level beyond its trigger, on the limit side.
 */
export function checkPendingPrice(
  symbol: Mt5SymbolConfig,
  type: number,
  price: Big,
  stoplimit: Big,
  quote: Mt5Quote,
): Verdict {
  const buy = isBuyType(type);
  const market = buy ? quote.ask : quote.bid;
  const limit = type === ORDER_TYPE.BUY_LIMIT || type === ORDER_TYPE.SELL_LIMIT;
  const towards = buy === limit ? market.minus(price) : price.minus(market);
  if (price.lte(0) || towards.lte(0)) return RETCODE.INVALID_PRICE;
  if (towards.lt(stopsDistance(symbol))) return RETCODE.INVALID_STOPS;
  if (type === ORDER_TYPE.BUY_STOP_LIMIT || type === ORDER_TYPE.SELL_STOP_LIMIT) {
    const gap = buy ? price.minus(stoplimit) : stoplimit.minus(price);
    if (stoplimit.lte(0)) return RETCODE.INVALID_PRICE;
    if (!gap.gte(stopsDistance(symbol))) return RETCODE.INVALID_STOPS;
  }
  return undefined;
}

/**
 * The filling mode against SYMBOL_TRADE_EXEMODE and SYMBOL_FILLING_MODE → else 10030. Deals: FOK/IOC
 * per the flags (always on Instant/Request execution), RETURN never on Market execution. Pending
 * orders: RETURN always, FOK/IOC per the flags, BOC only for limits with the BOC flag.
 */
export function checkFilling(symbol: Mt5SymbolConfig, filling: number, pendingType?: number): Verdict {
  const flags = symbol.fillingMode;
  const instant = symbol.exeMode === 0 || symbol.exeMode === 1;
  let ok: boolean;
  if (filling === ORDER_FILLING.FOK) ok = (flags & 1) !== 0 || (pendingType === undefined && instant);
  else if (filling === ORDER_FILLING.IOC) ok = (flags & 2) !== 0 || (pendingType === undefined && instant);
  else if (filling === ORDER_FILLING.RETURN) ok = pendingType !== undefined || symbol.exeMode !== 2;
  else if (filling === ORDER_FILLING.BOC)
    ok =
      pendingType !== undefined &&
      (flags & 4) !== 0 &&
      pendingType !== ORDER_TYPE.BUY_STOP &&
      pendingType !== ORDER_TYPE.SELL_STOP;
  else ok = false;
  return ok ? undefined : RETCODE.INVALID_FILL;
}

/** SYMBOL_TRADE_MODE: DISABLED → 10017, LONGONLY → 10042, SHORTONLY → 10043, CLOSEONLY → 10044. */
export function checkTradeMode(symbol: Mt5SymbolConfig, buy: boolean, closing: boolean): Verdict {
  switch (symbol.tradeMode) {
    case 0:
      return RETCODE.TRADE_DISABLED;
    case 1:
      return !buy && !closing ? RETCODE.LONG_ONLY : undefined;
    case 2:
      return buy && !closing ? RETCODE.SHORT_ONLY : undefined;
    case 3:
      return closing ? undefined : RETCODE.CLOSE_ONLY;
    default:
      return undefined;
  }
}

const DAY = 86_400;

/**
 * type_time against SYMBOL_EXPIRATION_MODE (flag 1 << type_time), and the moment it expires in server
 * seconds (0 = never): DAY at the end of today, SPECIFIED at `expiration` (which must be in the future),
 * SPECIFIED_DAY at 23:59:59 of that day. A bad one → 10022.
 */
export function expiry(
  symbol: Mt5SymbolConfig,
  typeTime: number,
  expiration: number,
  serverNow: number,
): { retcode: number } | { at: number } {
  const bad = { retcode: RETCODE.INVALID_EXPIRATION };
  if (typeTime < 0 || typeTime > 3 || (symbol.expirationMode & (1 << typeTime)) === 0) return bad;
  const endOfDay = (s: number): number => Math.floor(s / DAY) * DAY + DAY - 1;
  switch (typeTime) {
    case ORDER_TIME.GTC:
      return { at: 0 };
    case ORDER_TIME.DAY:
      return { at: endOfDay(serverNow) };
    case ORDER_TIME.SPECIFIED:
      return expiration > serverNow ? { at: expiration } : bad;
    default:
      return expiration > 0 && endOfDay(expiration) > serverNow ? { at: endOfDay(expiration) } : bad;
  }
}

/**
 * SYMBOL_TRADE_FREEZE_LEVEL: a pending order (or a position's SL/TP) this close to the price that would
 * trigger it cannot be changed → 10029. A level of 0 freezes nothing.
 */
export function checkFrozen(symbol: Mt5SymbolConfig, market: Big, ...levels: Big[]): Verdict {
  if (symbol.freezeLevel <= 0) return undefined;
  const freeze = dec(symbol.point).times(symbol.freezeLevel);
  const frozen = levels.some((level) => !level.eq(0) && level.minus(market).abs().lt(freeze));
  return frozen ? RETCODE.FROZEN : undefined;
}
