import { ORDER_STATUSES, type OrderStatus } from '#brokers';
import { judgeTransition } from './order-state-machine.js';

const LEGAL: Record<OrderStatus, OrderStatus[]> = {
  new: ['submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  submitted: ['partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  partially_filled: ['filled', 'cancelled', 'expired'],
  filled: [],
  cancelled: [],
  rejected: [],
  expired: [],
};

const filledFor = (status: OrderStatus): string =>
  status === 'filled' ? '1' : status === 'partially_filled' ? '0.5' : '0';

describe('order state machine', () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s -> %s', (from, to) => {
    // Fills only grow: the reported quantity is at least the current one.
    const current = { status: from, filledQuantity: filledFor(from) };
    const reportedFilled =
      to === 'filled'
        ? '1'
        : to === 'partially_filled'
          ? from === 'partially_filled'
            ? '0.5'
            : '0.5'
          : current.filledQuantity;
    const verdict = judgeTransition(current, { status: to, filledQuantity: reportedFilled });
    if (from === to && reportedFilled === current.filledQuantity) {
      expect(verdict.kind).toBe('duplicate');
    } else if (LEGAL[from].includes(to)) {
      expect(verdict.kind).toBe('apply');
    } else {
      expect(verdict.kind).toBe('illegal');
    }
  });

  it('applies a further partial fill', () => {
    expect(
      judgeTransition(
        { status: 'partially_filled', filledQuantity: '0.2' },
        { status: 'partially_filled', filledQuantity: '0.3' },
      ),
    ).toEqual({
      kind: 'apply',
    });
  });

  it('never lets the filled quantity shrink, even on a legal status move', () => {
    const verdict = judgeTransition(
      { status: 'partially_filled', filledQuantity: '0.3' },
      { status: 'cancelled', filledQuantity: '0.1' },
    );
    expect(verdict).toEqual({ kind: 'illegal', reason: expect.stringMatching(/shrink/) });
  });

  it('keeps a filled order filled when a late submitted arrives', () => {
    const verdict = judgeTransition(
      { status: 'filled', filledQuantity: '1' },
      { status: 'submitted', filledQuantity: '1' },
    );
    expect(verdict).toEqual({ kind: 'illegal', reason: expect.stringMatching(/already filled/) });
  });

  it('compares quantities as decimals, not strings', () => {
    expect(
      judgeTransition(
        { status: 'partially_filled', filledQuantity: '0.50' },
        { status: 'partially_filled', filledQuantity: '0.5' },
      ),
    ).toEqual({
      kind: 'duplicate',
    });
  });
});
