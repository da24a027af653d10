import type { TwsContractDetails } from '../protocol/outgoing/index.js';
import type { TwsInstrumentConfig, TwsSecType } from '../tws-simulator-config.js';
import { twsContractOf } from './tws-instrument-registry.js';

/** The order types TWS lists per security type (a subset of what it lists for real contracts). */
const ORDER_TYPES: Readonly<Record<TwsSecType, readonly string[]>> = {
  STK: [
    'ACTIVETIM',
    'AD',
    'ADJUST',
    'ALERT',
    'ALGO',
    'ALLOC',
    'AVGCOST',
    'BASKET',
    'COND',
    'DAY',
    'GTC',
    'IOC',
    'LIT',
    'LMT',
    'MIT',
    'MKT',
    'MOC',
    'STP',
    'STPLMT',
    'TRAIL',
    'TRAILLIT',
    'TRAILLMT',
  ],
  CASH: [
    'ACTIVETIM',
    'AD',
    'ALERT',
    'ALGO',
    'ALLOC',
    'DAY',
    'GTC',
    'IOC',
    'LMT',
    'MKT',
    'STP',
    'STPLMT',
    'TRAIL',
    'TRAILLMT',
  ],
  FUT: [
    'ACTIVETIM',
    'AD',
    'ALERT',
    'ALLOC',
    'DAY',
    'GTC',
    'IOC',
    'LIT',
    'LMT',
    'MIT',
    'MKT',
    'STP',
    'STPLMT',
    'TRAIL',
    'TRAILLIT',
    'TRAILLMT',
  ],
  CRYPTO: ['DAY', 'GTC', 'IOC', 'LMT', 'MKT', 'STP', 'STPLMT', 'TRAIL'],
};

/** Session hours per security type, in the contract's zone: `HHmm-HHmm`, or the whole day. */
const SESSIONS: Readonly<Record<TwsSecType, { trading: string; liquid: string }>> = {
  STK: { trading: '0400-2000', liquid: '0930-1600' },
  CASH: { trading: '0000-2359', liquid: '0000-2359' },
  FUT: { trading: '0000-2359', liquid: '0830-1500' },
  CRYPTO: { trading: '0000-2359', liquid: '0000-2359' },
};

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * Hours in TWS's format since version 970: `20260102:0930-20260102:1600;20260103:CLOSED`, today and the
 * next two days; weekends are closed except for crypto, which trades around the clock.
 */
function hours(secType: TwsSecType, span: string, now: number): string {
  const [open, close] = span.split('-');
  const days: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const ms = now + offset * 86_400_000;
    const day = dayOf(ms);
    const weekday = new Date(ms).getUTCDay();
    days.push(
      secType !== 'CRYPTO' && (weekday === 0 || weekday === 6)
        ? `${day}:CLOSED`
        : `${day}:${open}-${day}:${close}`,
    );
  }
  return days.join(';');
}

/** What reqContractDetails answers for one contract. */
export function contractDetailsOf(instrument: TwsInstrumentConfig, now: number): TwsContractDetails {
  const session = SESSIONS[instrument.secType];
  return {
    contract: twsContractOf(instrument),
    marketName: instrument.tradingClass,
    minTick: instrument.minTick,
    orderTypes: ORDER_TYPES[instrument.secType],
    validExchanges:
      instrument.secType === 'STK' && instrument.primaryExch
        ? ['SMART', instrument.primaryExch]
        : [instrument.exchange],
    longName: instrument.longName,
    contractMonth: instrument.lastTradeDateOrContractMonth?.slice(0, 6),
    timeZoneId: instrument.timeZoneId,
    tradingHours: hours(instrument.secType, session.trading, now),
    liquidHours: hours(instrument.secType, session.liquid, now),
    marketRuleIds:
      instrument.secType === 'STK' && instrument.primaryExch
        ? [26, 26]
        : [instrument.secType === 'CASH' ? 239 : 32],
    lastTradeDate: instrument.lastTradeDateOrContractMonth,
    realExpirationDate: instrument.lastTradeDateOrContractMonth,
    stockType: instrument.secType === 'STK' ? 'COMMON' : '',
    minSize: instrument.minSize,
    sizeIncrement: instrument.sizeIncrement,
  };
}
