/**
 * The alert message to paste into TradingView, with the secret filled in and TradingView's placeholders
 * for the rest; TradingView substitutes them when the alert fires. `alertId` joins the fire time with the
 * Pine order id, so every fill of a strategy is its own alert and a re-delivery of one is a repeat.
 */
export function tradingViewMessageTemplate(secret: string): string {
  return JSON.stringify({
    secret,
    alertId: '{{timenow}}-{{strategy.order.id}}',
    time: '{{timenow}}',
    symbol: '{{ticker}}',
    side: '{{strategy.order.action}}',
    quantity: '{{strategy.order.contracts}}',
  });
}
