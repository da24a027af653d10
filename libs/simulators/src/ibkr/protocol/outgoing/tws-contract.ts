/** A contract as TWS describes it; optional fields go out as "" (unset). */
export interface TwsContract {
  conId: number;
  symbol: string;
  secType: string;
  lastTradeDateOrContractMonth?: string;
  strike?: string;
  right?: string;
  multiplier?: string;
  exchange: string;
  primaryExch?: string;
  currency: string;
  localSymbol?: string;
  tradingClass?: string;
}

/** One order as OPEN_ORDER describes it. Decimals are strings as TWS sends them. */
export interface TwsOrderView {
  orderId: number;
  clientId: number;
  permId: number;
  contract: TwsContract;
  action: 'BUY' | 'SELL' | 'SSHORT';
  totalQuantity: string;
  orderType: string;
  lmtPrice?: string;
  auxPrice?: string;
  tif: string;
  ocaGroup?: string;
  ocaType?: number;
  account: string;
  orderRef?: string;
  parentId: number;
  outsideRth: boolean;
  trailStopPrice?: string;
  trailingPercent?: string;
  cashQty?: string;
  /** Kept with the order, but TWS does not echo it: OPEN_ORDER has no transmit field. */
  transmit: boolean;
  status: string;
  commission?: string;
  commissionCurrency?: string;
  warningText?: string;
}

export interface TwsOrderStatus {
  orderId: number;
  status: string;
  filled: string;
  remaining: string;
  avgFillPrice: string;
  permId: number;
  parentId: number;
  lastFillPrice: string;
  clientId: number;
  whyHeld?: string;
  mktCapPrice?: string;
}

export interface TwsExecution {
  reqId: number;
  orderId: number;
  contract: TwsContract;
  execId: string;
  time: string;
  account: string;
  exchange: string;
  side: 'BOT' | 'SLD';
  shares: string;
  price: string;
  permId: number;
  clientId: number;
  cumQty: string;
  avgPrice: string;
  orderRef?: string;
  lastLiquidity: number;
}

export interface TwsCommissionReport {
  execId: string;
  commission: string;
  currency: string;
  realizedPNL?: string;
}

/**
 * The contract block OPEN_ORDER, EXECUTION_DATA and POSITION share (11 fields, conId first, exchange but no
 * primaryExch). PORTFOLIO_VALUE writes primaryExch in the exchange's place; CONTRACT_DATA has its own layout.
 */
export function contractFields(contract: TwsContract, exchange = contract.exchange): string[] {
  return [
    String(contract.conId),
    contract.symbol,
    contract.secType,
    contract.lastTradeDateOrContractMonth ?? '',
    contract.strike ?? '',
    contract.right ?? '',
    contract.multiplier ?? '',
    exchange,
    contract.currency,
    contract.localSymbol ?? '',
    contract.tradingClass ?? '',
  ];
}
