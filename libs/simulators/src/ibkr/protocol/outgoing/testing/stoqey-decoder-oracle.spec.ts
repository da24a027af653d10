import { EventName } from '@stoqey/ib';
import { encodeOpenOrder } from '../tws-order-messages.js';
import { encodeNextValidId } from '../tws-system-messages.js';
import type { TwsOrderView } from '../tws-contract.js';
import { DECODING_ERROR_CODE, decodeWithStoqey } from './stoqey-decoder-oracle.js';

const ORDER: TwsOrderView = {
  orderId: 5,
  clientId: 1,
  permId: 99,
  contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  action: 'BUY',
  totalQuantity: '1',
  orderType: 'MKT',
  tif: 'DAY',
  account: 'DU123',
  parentId: 0,
  outsideRth: false,
  transmit: true,
  status: 'Submitted',
};

/** The oracle is only worth its green runs if it turns red on a message of the wrong length. */
describe("the decoder oracle's own boundary checks", () => {
  it('reports a 505 for a field too many, though the event still gets out', () => {
    const verdict = decodeWithStoqey([...encodeNextValidId(1000), 'extra']);

    expect(verdict.decodingErrors).toHaveLength(1);
    expect(verdict.decodingErrors[0]!.message).toMatch(/unprocessed data left on queue/);
    expect(verdict.events.map((event) => event.name)).toEqual([EventName.nextValidId]);
  });

  it('reports a 505 for an OPEN_ORDER one field too long', () => {
    const verdict = decodeWithStoqey([...encodeOpenOrder(ORDER), '']);
    expect(verdict.decodingErrors.map((error) => error.code)).toEqual([DECODING_ERROR_CODE]);
  });

  it('reports a 505 underrun and loses the event for an OPEN_ORDER one field short', () => {
    const verdict = decodeWithStoqey(encodeOpenOrder(ORDER).slice(0, -1));

    expect(verdict.decodingErrors).toHaveLength(1);
    expect(verdict.decodingErrors[0]!.message).toMatch(/Underrun error on OPEN_ORDER/);
    expect(verdict.events).toEqual([]);
  });
});
