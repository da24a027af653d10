import { OrderRejectedError } from '#brokers';
import { UnprocessableError, UnavailableError } from '../../common/errors/app-error.js';
import { signalRefusalReason } from './signal-refusal-reason.js';
import { SignalRefusedError } from './signal-refused.error.js';

describe('signalRefusalReason', () => {
  it('names the risk rule of an order the risk checks refused, the kill switch among them', () => {
    const refused = (rejectReason: string) =>
      new UnprocessableError('Order rejected', { order: { status: 'rejected', rejectReason } });
    expect(signalRefusalReason(refused('risk kill_switch: the kill switch is on'))).toBe('kill_switch');
    expect(signalRefusalReason(refused('risk max_order_notional: 70000 > 50000'))).toBe('max_order_notional');
    expect(signalRefusalReason(refused('Insufficient margin'))).toBe('broker_rejected');
  });

  it("says when the strategy refused, and otherwise gives the error's code", () => {
    expect(signalRefusalReason(new SignalRefusedError('no'))).toBe('strategy_refused');
    expect(signalRefusalReason(new UnavailableError('account down'))).toBe('unavailable');
    expect(signalRefusalReason(new OrderRejectedError('no', { broker: 'bybit' }))).toBe('rejected');
    expect(signalRefusalReason(new Error('boom'))).toBe('internal');
  });
});
