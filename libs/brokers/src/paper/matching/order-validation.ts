import type Big from 'big.js';
import { dec, isDecimal, isMultipleOf } from '../../decimal/index.js';
import {
  type BrokerCapabilities,
  needsLimitPrice,
  needsStopPrice,
  ORDER_SIDES,
  type OrderRequest,
} from '../../domain/index.js';
import { InvalidOrderError } from '../../errors/index.js';
import type { PaperInstrumentConfig } from '../paper-config.js';

/** An order request's numbers, parsed and checked against the instrument's rules. */
export interface ValidatedOrder {
  readonly quantity: Big;
  readonly price: Big | null;
  readonly stopPrice: Big | null;
  readonly takeProfit: Big | null;
  readonly stopLoss: Big | null;
}

/**
 * Checks a request the way a venue would, before anything is recorded: every failure is an
 * InvalidOrderError whose message starts with the offending field.
 */
export function validateOrderRequest(
  request: OrderRequest,
  instrument: PaperInstrumentConfig,
  capabilities: BrokerCapabilities,
): ValidatedOrder {
  if (typeof request.clientOrderId !== 'string' || request.clientOrderId.trim() === '') {
    throw invalid('clientOrderId', 'is required');
  }
  if (!ORDER_SIDES.includes(request.side))
    throw invalid('side', `"${String(request.side)}" is not buy or sell`);
  if (!capabilities.orderTypes.includes(request.type)) {
    throw invalid('type', `"${String(request.type)}" is not supported`);
  }
  if (!capabilities.timeInForce.includes(request.timeInForce)) {
    throw invalid('timeInForce', `"${String(request.timeInForce)}" is not supported`);
  }
  const quantity = positiveDecimal('quantity', request.quantity);
  if (!isMultipleOf(quantity, instrument.lotSize)) {
    throw invalid('quantity', `${request.quantity} is not a multiple of the lot size ${instrument.lotSize}`);
  }
  if (quantity.lt(instrument.minQuantity)) {
    throw invalid('quantity', `${request.quantity} is below the minimum ${instrument.minQuantity}`);
  }
  const price = optionalPrice(
    'price',
    request.price,
    needsLimitPrice(request.type),
    request.type,
    instrument,
  );
  const stopPrice = optionalPrice(
    'stopPrice',
    request.stopPrice,
    needsStopPrice(request.type),
    request.type,
    instrument,
  );
  const takeProfit =
    request.takeProfit == null ? null : tickPrice('takeProfit', request.takeProfit, instrument);
  const stopLoss = request.stopLoss == null ? null : tickPrice('stopLoss', request.stopLoss, instrument);
  return { quantity, price, stopPrice, takeProfit, stopLoss };
}

function optionalPrice(
  field: string,
  value: string | undefined,
  required: boolean,
  type: string,
  instrument: PaperInstrumentConfig,
): Big | null {
  if (value == null) {
    if (required) throw invalid(field, `is required for ${type} orders`);
    return null;
  }
  if (!required) throw invalid(field, `is not allowed for ${type} orders`);
  return tickPrice(field, value, instrument);
}

function tickPrice(field: string, value: string, instrument: PaperInstrumentConfig): Big {
  const price = positiveDecimal(field, value);
  if (!isMultipleOf(price, instrument.tickSize)) {
    throw invalid(field, `${value} is not a multiple of the tick size ${instrument.tickSize}`);
  }
  return price;
}

function positiveDecimal(field: string, value: unknown): Big {
  if (!isDecimal(value)) throw invalid(field, `"${String(value)}" is not a decimal`);
  const parsed = dec(value);
  if (parsed.lte(0)) throw invalid(field, `${String(value)} must be positive`);
  return parsed;
}

/** An InvalidOrderError naming `field`. */
export function invalid(field: string, message: string): InvalidOrderError {
  return new InvalidOrderError(`${field} ${message}`, { broker: 'paper' });
}
