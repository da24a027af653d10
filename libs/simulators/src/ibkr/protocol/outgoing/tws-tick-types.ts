/** IB's tick types the simulator streams (TICK_PRICE / TICK_SIZE field 3). */
export const TwsTickType = {
  BID_SIZE: 0,
  BID: 1,
  ASK: 2,
  ASK_SIZE: 3,
  LAST: 4,
  LAST_SIZE: 5,
  HIGH: 6,
  LOW: 7,
  VOLUME: 8,
  CLOSE: 9,
  OPEN: 14,
  DELAYED_BID: 66,
  DELAYED_ASK: 67,
  DELAYED_LAST: 68,
  DELAYED_BID_SIZE: 69,
  DELAYED_ASK_SIZE: 70,
  DELAYED_LAST_SIZE: 71,
} as const;

export type TwsTickTypeId = (typeof TwsTickType)[keyof typeof TwsTickType];

/** reqMarketDataType's kinds: what MARKET_DATA_TYPE announces before the ticks. */
export const TwsMarketDataType = { LIVE: 1, FROZEN: 2, DELAYED: 3, DELAYED_FROZEN: 4 } as const;

export type TwsMarketDataTypeId = (typeof TwsMarketDataType)[keyof typeof TwsMarketDataType];
