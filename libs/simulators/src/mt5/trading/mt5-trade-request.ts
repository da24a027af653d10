import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import {
  integer,
  optionalDecimal,
  optionalInteger,
  optionalText,
  optionalTicket,
} from '../bridge/mt5-params.js';

/** order_send's MqlTradeRequest, read: what is left out is zero, as `MqlTradeRequest r={}` leaves it. */
export interface Mt5TradeRequest {
  readonly action: number;
  readonly magic: string;
  readonly order?: string;
  readonly symbol?: string;
  /** Undefined when left out (which is never a valid volume). */
  readonly volume?: Big;
  readonly price: Big;
  readonly stoplimit: Big;
  readonly sl: Big;
  readonly tp: Big;
  /** Points. */
  readonly deviation: number;
  readonly type: number;
  /** Left out, the terminal sets ORDER_FILLING_RETURN. */
  readonly typeFilling: number;
  readonly typeTime: number;
  /** Server seconds. */
  readonly expiration: number;
  readonly comment: string;
  readonly position?: string;
  readonly positionBy?: string;
}

const ORDER_FILLING_RETURN = 2;

function price(params: Readonly<Record<string, unknown>>, name: string): Big {
  return dec(optionalDecimal(params, name) ?? '0');
}

/** Reads the params; a field of the wrong kind is a request the EA cannot read (4014). */
export function readTradeRequest(params: Readonly<Record<string, unknown>>): Mt5TradeRequest {
  const volume = optionalDecimal(params, 'volume');
  return {
    action: integer(params, 'action'),
    magic: optionalTicket(params, 'magic') ?? '0',
    order: optionalTicket(params, 'order'),
    symbol: optionalText(params, 'symbol'),
    volume: volume === undefined ? undefined : dec(volume),
    price: price(params, 'price'),
    stoplimit: price(params, 'stoplimit'),
    sl: price(params, 'sl'),
    tp: price(params, 'tp'),
    deviation: optionalInteger(params, 'deviation') ?? 0,
    type: optionalInteger(params, 'type') ?? 0,
    typeFilling: optionalInteger(params, 'type_filling') ?? ORDER_FILLING_RETURN,
    typeTime: optionalInteger(params, 'type_time') ?? 0,
    expiration: optionalInteger(params, 'expiration') ?? 0,
    comment: optionalText(params, 'comment') ?? '',
    position: optionalTicket(params, 'position'),
    positionBy: optionalTicket(params, 'position_by'),
  };
}
