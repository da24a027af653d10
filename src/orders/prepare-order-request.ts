import {
  dec,
  roundToStep,
  toDecimalString,
  type BrokerCapabilities,
  type Instrument,
  type OrderRequest,
} from '#brokers';
import { UnprocessableError, ValidationFailedError } from '../common/errors/app-error.js';
import type { PlaceOrderDto } from './dto/place-order.dto.js';

function roundPrice(field: string, value: string | undefined, instrument: Instrument): string | undefined {
  if (value === undefined) return undefined;
  const rounded = roundToStep(value, instrument.tickSize, 'nearest');
  if (rounded.lte(0)) {
    throw new UnprocessableError(`${field} ${value} rounds to zero at tick size ${instrument.tickSize}`);
  }
  return toDecimalString(rounded);
}

function checkCapabilities(
  dto: PlaceOrderDto,
  capabilities: BrokerCapabilities,
  broker: string,
  clientOrderId: string,
): void {
  const maxIdLength = capabilities.maxClientOrderIdLength;
  if (maxIdLength !== undefined && clientOrderId.length > maxIdLength) {
    throw new ValidationFailedError(
      `clientOrderId must be at most ${maxIdLength} characters on ${broker} (it has ${clientOrderId.length})`,
    );
  }
  if (!capabilities.orderTypes.includes(dto.type)) {
    throw new UnprocessableError(`type "${dto.type}" is not supported by ${broker}`);
  }
  if (!capabilities.timeInForce.includes(dto.timeInForce)) {
    throw new UnprocessableError(`timeInForce "${dto.timeInForce}" is not supported by ${broker}`);
  }
  if ((dto.takeProfit !== undefined || dto.stopLoss !== undefined) && !capabilities.bracketOrders) {
    throw new UnprocessableError(`bracket orders (takeProfit, stopLoss) are not supported by ${broker}`);
  }
}

function checkFieldsForType(dto: PlaceOrderDto): void {
  if (dto.price !== undefined && dto.type !== 'limit' && dto.type !== 'stop_limit') {
    throw new ValidationFailedError(`price is only for limit and stop_limit orders, not ${dto.type}`);
  }
  if (dto.stopPrice !== undefined && dto.type !== 'stop' && dto.type !== 'stop_limit') {
    throw new ValidationFailedError(`stopPrice is only for stop and stop_limit orders, not ${dto.type}`);
  }
  if (dto.trailingAmount !== undefined && dto.type !== 'trailing_stop') {
    throw new ValidationFailedError(`trailingAmount is only for trailing_stop orders, not ${dto.type}`);
  }
}

/**
 * Turns a validated request into what the broker gets: checked against the broker's capabilities, the
 * quantity rounded down to the lot (never up: never more than asked), prices to the nearest tick.
 */
export function prepareOrderRequest(
  dto: PlaceOrderDto,
  instrument: Instrument,
  capabilities: BrokerCapabilities,
  broker: string,
  clientOrderId: string,
): OrderRequest {
  checkFieldsForType(dto);
  checkCapabilities(dto, capabilities, broker, clientOrderId);
  const quantity = roundToStep(dto.quantity, instrument.lotSize, 'down');
  if (quantity.lt(dec(instrument.minQuantity)) || quantity.lte(0)) {
    throw new UnprocessableError(
      `quantity ${dto.quantity} is below the minimum ${instrument.minQuantity} for ${instrument.symbol} (lot size ${instrument.lotSize})`,
    );
  }
  return {
    clientOrderId,
    symbol: instrument.symbol,
    side: dto.side,
    type: dto.type,
    quantity: toDecimalString(quantity),
    price: roundPrice('price', dto.price, instrument),
    stopPrice: roundPrice('stopPrice', dto.stopPrice, instrument),
    trailingAmount: roundPrice('trailingAmount', dto.trailingAmount, instrument),
    timeInForce: dto.timeInForce,
    takeProfit: roundPrice('takeProfit', dto.takeProfit, instrument),
    stopLoss: roundPrice('stopLoss', dto.stopLoss, instrument),
  };
}
