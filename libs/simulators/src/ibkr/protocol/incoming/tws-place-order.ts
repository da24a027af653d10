import { TwsFieldReader, TwsRequestError } from '../tws-field-reader.js';

/** The contract block of a request, as the client wrote it ("" = unset). */
export interface TwsRequestContract {
  readonly conId?: number;
  readonly symbol: string;
  readonly secType: string;
  readonly lastTradeDateOrContractMonth: string;
  readonly strike?: string;
  readonly right: string;
  readonly multiplier: string;
  readonly exchange: string;
  readonly primaryExch: string;
  readonly currency: string;
  readonly localSymbol: string;
  readonly tradingClass: string;
}

/** The fields of PLACE_ORDER the simulator acts on; the rest are read past, in TWS's order. */
export interface TwsPlaceOrder {
  readonly orderId: number;
  readonly contract: TwsRequestContract;
  readonly action: string;
  readonly totalQuantity?: string;
  readonly orderType: string;
  readonly lmtPrice?: string;
  readonly auxPrice?: string;
  readonly tif: string;
  readonly ocaGroup: string;
  readonly account: string;
  readonly orderRef: string;
  /** Undefined when the client sent "": TWS then keeps the order without transmitting it. */
  readonly transmit?: boolean;
  readonly parentId: number;
  readonly outsideRth: boolean;
  readonly ocaType: number;
  readonly trailStopPrice?: string;
  readonly trailingPercent?: string;
  readonly cashQty?: string;
  readonly comboLegs: number;
  readonly conditions: number;
  readonly whatIf: boolean;
}

/** The contract block shared by orders, market data and history: conId through tradingClass. */
export function readContract(reader: TwsFieldReader): TwsRequestContract {
  return {
    conId: reader.optionalInt() || undefined,
    symbol: reader.string(),
    secType: reader.string(),
    lastTradeDateOrContractMonth: reader.string(),
    strike: reader.optionalDecimal(),
    right: reader.string(),
    multiplier: reader.string(),
    exchange: reader.string(),
    primaryExch: reader.string(),
    currency: reader.string(),
    localSymbol: reader.string(),
    tradingClass: reader.string(),
  };
}

/**
 * PLACE_ORDER at server version 193 (no version field since ORDER_CONTAINER), read in the order IB's
 * client writes it, with the fields that appear only under a condition (combo legs, delta-neutral,
 * scale, hedge, algo, PEG BENCH, conditions, IBKRATS, PEG BEST/MID) read only when it holds.
 */
export function readPlaceOrder(fields: readonly string[]): TwsPlaceOrder {
  const reader = new TwsFieldReader(fields, 'PLACE_ORDER');
  reader.skip(1);
  const orderId = reader.int();
  const contract = readContract(reader);
  reader.skip(2); // secIdType, secId
  const action = reader.string();
  const totalQuantity = reader.optionalDecimal();
  const orderType = reader.string();
  const lmtPrice = reader.optionalDecimal();
  const auxPrice = reader.optionalDecimal();
  const tif = reader.string();
  const ocaGroup = reader.string();
  const account = reader.string();
  reader.skip(2); // openClose, origin
  const orderRef = reader.string();
  const transmit = reader.optionalBool();
  const parentId = reader.int();
  reader.skip(3); // blockOrder, sweepToFill, displaySize
  reader.skip(1); // triggerMethod
  const outsideRth = reader.bool();
  reader.skip(1); // hidden
  const comboLegs = contract.secType === 'BAG' ? readComboLegs(reader) : 0;
  reader.skip(8); // sharesAllocation, discretionaryAmt, goodAfterTime, goodTillDate, fa group/method/%, modelCode
  reader.skip(3); // shortSaleSlot, designatedLocation, exemptCode
  const ocaType = reader.int();
  reader.skip(17); // rule80A … overridePercentageConstraints, volatility, volatilityType
  const deltaNeutral = reader.string() !== '';
  reader.skip(1); // deltaNeutralAuxPrice
  if (deltaNeutral) reader.skip(8); // its conId, settling firm, clearing, open/close, short sale
  reader.skip(2); // continuousUpdate, referencePriceType
  const trailStopPrice = reader.optionalDecimal();
  const trailingPercent = reader.optionalDecimal();
  reader.skip(2); // scaleInitLevelSize, scaleSubsLevelSize
  const scalePriceIncrement = Number(reader.optionalDecimal() ?? 0);
  if (scalePriceIncrement > 0) reader.skip(7);
  reader.skip(3); // scaleTable, activeStartTime, activeStopTime
  if (reader.string() !== '') reader.skip(1); // hedgeType, hedgeParam
  reader.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
  if (reader.bool()) reader.skip(3); // deltaNeutralContract: conId, delta, price
  if (reader.string() !== '') reader.skip(2 * reader.int()); // algoStrategy, its tag/value pairs
  reader.skip(1); // algoId
  const whatIf = reader.bool();
  reader.skip(4); // orderMiscOptions, solicited, randomizeSize, randomizePrice
  if (orderType === 'PEG BENCH') reader.skip(5);
  const conditions = readConditions(reader);
  reader.skip(7 + 1 + 2); // adjusted* fields, extOperator, softDollarTier name and value
  const cashQty = reader.optionalDecimal();
  reader.skip(13); // mifid2 ×4, dontUseAutoPriceForHedge … advancedErrorOverride, manualOrderTime
  if (contract.exchange === 'IBKRATS') reader.skip(1);
  if (orderType === 'PEG BEST') {
    reader.skip(1); // minCompeteSize
    const offset = reader.string(); // competeAgainstBestOffset: "up to mid" is Double.MAX's +Infinity
    if (offset === 'Infinity' || offset === 'inf') reader.skip(2);
  } else if (orderType === 'PEG MID') reader.skip(2);
  reader.skip(4); // customerAccount, professionalCustomer, includeOvernight, manualOrderIndicator
  if (reader.remaining !== 0)
    throw new TwsRequestError(
      321,
      `Error validating request: PLACE_ORDER has ${reader.remaining} fields too many`,
    );
  return {
    orderId,
    contract,
    action,
    totalQuantity,
    orderType,
    lmtPrice,
    auxPrice,
    tif,
    ocaGroup,
    account,
    orderRef,
    transmit,
    parentId,
    outsideRth,
    ocaType,
    trailStopPrice,
    trailingPercent,
    cashQty,
    comboLegs,
    conditions,
    whatIf,
  };
}

function readComboLegs(reader: TwsFieldReader): number {
  const legs = reader.int();
  reader.skip(8 * legs);
  reader.skip(reader.int()); // order combo leg prices
  reader.skip(2 * reader.int()); // smart combo routing params
  return legs;
}

/** Order conditions: each a type, a conjunction and the type's own fields; then two flags when any. */
function readConditions(reader: TwsFieldReader): number {
  const count = reader.int();
  for (let i = 0; i < count; i++) {
    const type = reader.int();
    reader.skip(1); // conjunction
    reader.skip(CONDITION_FIELDS[type] ?? 0);
  }
  if (count > 0) reader.skip(2);
  return count;
}

/** Fields after the conjunction, per OrderConditionType (1 price, 3 time, 4 margin, 5 execution, 6 volume, 7 %). */
const CONDITION_FIELDS: Readonly<Record<number, number>> = { 1: 5, 3: 2, 4: 2, 5: 3, 6: 4, 7: 4 };
