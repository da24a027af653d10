import { EventName } from '@stoqey/ib';
import { decodeWithStoqey, singleEvent } from './testing/stoqey-decoder-oracle.js';
import {
  encodeCurrentTime,
  encodeError,
  encodeManagedAccounts,
  encodeNextValidId,
  NO_REQUEST_ID,
} from './tws-system-messages.js';

describe('system messages read back by @stoqey/ib at server version 193', () => {
  it('reports an error carrying an order id as an error, with its reject detail', () => {
    const verdict = decodeWithStoqey(
      encodeError(1001, 201, 'Order rejected - reason:Margin', { rejectReason: 'margin', limits: [1, 2] }),
    );

    expect(verdict.decodingErrors).toEqual([]);
    expect(verdict.errors).toEqual([
      {
        message: 'Order rejected - reason:Margin',
        code: 201,
        reqId: 1001,
        advancedOrderReject: { rejectReason: 'margin', limits: [1, 2] },
      },
    ]);
    expect(verdict.infos).toEqual([]);
  });

  it('reports a notice with id -1 as info, and restores non-ASCII text', () => {
    const fields = encodeError(NO_REQUEST_ID, 2104, 'Market data farm connection is OK:usfarm – ok');
    const verdict = decodeWithStoqey(fields);

    expect(fields).toHaveLength(6);
    expect(fields[4]).toBe('Market data farm connection is OK:usfarm \\u2013 ok');
    expect(verdict.errors).toEqual([]);
    expect(verdict.infos).toEqual([{ message: 'Market data farm connection is OK:usfarm – ok', code: 2104 }]);
  });

  it('carries the next valid order id', () => {
    const verdict = decodeWithStoqey(encodeNextValidId(1000));
    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.nextValidId)).toEqual([1000]);
  });

  it('carries the managed accounts as one comma-separated list', () => {
    const verdict = decodeWithStoqey(encodeManagedAccounts(['DU123', 'DU456']));
    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.managedAccounts)).toEqual(['DU123,DU456']);
  });

  it('carries the current time in whole seconds', () => {
    const verdict = decodeWithStoqey(encodeCurrentTime(1767366000.75));
    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.currentTime)).toEqual([1767366000]);
  });
});
