import { contractFields, type TwsOrderStatus, type TwsOrderView } from './tws-contract.js';
import { TwsOutgoingId } from './tws-message-ids.js';
import { doubleOrUnset, flag, UNSET_DOUBLE, UNSET_INT } from './tws-values.js';

/**
 * OPEN_ORDER at server version 193 (no version field since ORDER_CONTAINER 145): 141 fields for an order
 * without combo legs, algo, conditions or scale/hedge parameters. The fields the simulator does not model carry
 * the values a real TWS writes for them (recorded paper traffic), so the client sees what it would see live.
 */
export function encodeOpenOrder(order: TwsOrderView): readonly string[] {
  return [
    TwsOutgoingId.OPEN_ORDER,
    String(order.orderId),
    ...contractFields(order.contract),
    ...orderTerms(order),
    ...orderExtendedAttributes(order),
    ...volatilityAndTrail(order),
    ...combosScaleAndClearing(),
    ...orderState(order),
    ...adjustedAndLaterFields(order),
  ];
}

/** Action to permId, outsideRth and the rest up to goodAfterTime. */
function orderTerms(order: TwsOrderView): string[] {
  return [
    order.action,
    order.totalQuantity,
    order.orderType,
    order.lmtPrice ?? '',
    order.auxPrice ?? '',
    order.tif,
    order.ocaGroup ?? '',
    order.account,
    '', // openClose
    '0', // origin: customer
    order.orderRef ?? '',
    String(order.clientId),
    String(order.permId),
    flag(order.outsideRth),
    '0', // hidden
    '0', // discretionaryAmt
    '', // goodAfterTime
  ];
}

/** sharesAllocation to volatilityType: FA, short-sale, box and block fields, all unset, and the parent link. */
function orderExtendedAttributes(order: TwsOrderView): string[] {
  return [
    '', // sharesAllocation (the client skips it)
    '', // faGroup
    '', // faMethod
    '', // faPercentage (no faProfile since FA_PROFILE_DESUPPORT 177)
    '', // modelCode
    '', // goodTillDate
    '', // rule80A
    '', // percentOffset
    '', // settlingFirm
    '0', // shortSaleSlot
    '', // designatedLocation
    '-1', // exemptCode
    '0', // auctionStrategy
    '', // startingPrice
    '', // stockRefPrice
    '', // delta
    '', // stockRangeLower
    '', // stockRangeUpper
    UNSET_INT, // displaySize
    '0', // blockOrder
    '0', // sweepToFill
    '0', // allOrNone
    '', // minQty
    String(order.ocaType ?? 0),
    '0', // eTradeOnly
    '0', // firmQuoteOnly
    '', // nbboPriceCap
    String(order.parentId),
    '0', // triggerMethod
    '', // volatility
    '0', // volatilityType
  ];
}

/**
 * Delta-neutral and trail fields. TWS writes deltaNeutralOrderType "None", which is not empty, so the client
 * then reads eight delta-neutral fields, after deltaNeutralAuxPrice (not right after the type).
 */
function volatilityAndTrail(order: TwsOrderView): string[] {
  return [
    'None', // deltaNeutralOrderType
    '', // deltaNeutralAuxPrice
    '0', // deltaNeutralConId
    '', // deltaNeutralSettlingFirm
    '', // deltaNeutralClearingAccount
    '', // deltaNeutralClearingIntent
    '?', // deltaNeutralOpenClose
    '0', // deltaNeutralShortSale
    '0', // deltaNeutralShortSaleSlot
    '', // deltaNeutralDesignatedLocation
    '0', // continuousUpdate
    '0', // referencePriceType
    order.trailStopPrice ?? '', // overwritten by the client with the one in adjustedAndLaterFields
    order.trailingPercent ?? '',
    '', // basisPoints
    '', // basisPointsType
  ];
}

/** Combo legs, scale, hedge and clearing fields: none of them used, so every count is 0. */
function combosScaleAndClearing(): string[] {
  return [
    '', // comboLegsDescription
    '0', // comboLegsCount
    '0', // orderComboLegsCount
    '0', // smartComboRoutingParamsCount
    UNSET_INT, // scaleInitLevelSize
    UNSET_INT, // scaleSubsLevelSize
    '', // scalePriceIncrement: unset, so no further scale fields
    '', // hedgeType: empty, so no hedgeParam
    '0', // optOutSmartRouting
    '', // clearingAccount
    'IB', // clearingIntent
    '0', // notHeld
    '0', // deltaNeutralContract: none, so no conId/delta/price
    '', // algoStrategy: empty, so no algo params
    '0', // solicited
  ];
}

/** whatIf, the order's status, the what-if margins (never computed here) and the commission. */
function orderState(order: TwsOrderView): string[] {
  const margins = Array<string>(9).fill(UNSET_DOUBLE); // before, change and after for init, maint, equity
  return [
    '0', // whatIf
    order.status,
    ...margins,
    doubleOrUnset(order.commission),
    UNSET_DOUBLE, // minCommission
    UNSET_DOUBLE, // maxCommission
    order.commissionCurrency ?? '',
    order.warningText ?? '',
    '0', // randomizeSize
    '0', // randomizePrice
  ];
}

/** From PEGGED_TO_BENCHMARK 102 up to CME_TAGGING_FIELDS_IN_OPEN_ORDER 193. */
function adjustedAndLaterFields(order: TwsOrderView): string[] {
  return [
    ...pegToBenchmark(order.orderType),
    '0', // conditionsCount: none, so no conditionsIgnoreRth/conditionsCancelOrder
    'None', // adjustedOrderType
    UNSET_DOUBLE, // triggerPrice
    doubleOrUnset(order.trailStopPrice), // the trailStopPrice the client keeps
    UNSET_DOUBLE, // lmtPriceOffset
    UNSET_DOUBLE, // adjustedStopPrice
    UNSET_DOUBLE, // adjustedStopLimitPrice
    UNSET_DOUBLE, // adjustedTrailingAmount
    '0', // adjustableTrailingUnit
    '', // softDollarTier name
    '', // softDollarTier value
    '', // softDollarTier displayName
    doubleOrUnset(order.cashQty),
    '1', // dontUseAutoPriceForHedge (TWS's default)
    '0', // isOmsContainer
    '0', // discretionaryUpToLimitPrice
    '0', // usePriceMgmtAlgo
    '', // duration
    '', // postToAts
    '0', // autoCancelParent
    '', // minTradeQty
    '', // minCompeteSize
    '', // competeAgainstBestOffset
    '', // midOffsetAtWhole
    '', // midOffsetAtHalf
    '', // customerAccount
    '0', // professionalCustomer
    '', // bondAccruedInterest
    '0', // includeOvernight
    '', // extOperator
    '', // manualOrderIndicator
  ];
}

/** The client reads five pegged-to-benchmark fields for PEG BENCH orders only; without them it underruns. */
function pegToBenchmark(orderType: string): string[] {
  if (orderType !== 'PEG BENCH' && orderType !== 'PEGBENCH') return [];
  return [
    '0', // referenceContractId
    '0', // isPeggedChangeAmountDecrease
    '0', // peggedChangeAmount
    '0', // referenceChangeAmount
    '', // referenceExchangeId
  ];
}

/** ORDER_STATUS at server version 193: no version field since MARKET_CAP_PRICE 131 (12 fields). */
export function encodeOrderStatus(status: TwsOrderStatus): readonly string[] {
  return [
    TwsOutgoingId.ORDER_STATUS,
    String(status.orderId),
    status.status,
    status.filled,
    status.remaining,
    status.avgFillPrice,
    String(status.permId),
    String(status.parentId),
    status.lastFillPrice,
    String(status.clientId),
    status.whyHeld ?? '',
    status.mktCapPrice ?? '0',
  ];
}

/** Closes the OPEN_ORDER/ORDER_STATUS burst that answers reqOpenOrders and reqAllOpenOrders. */
export function encodeOpenOrderEnd(): readonly string[] {
  return [TwsOutgoingId.OPEN_ORDER_END, '1'];
}
