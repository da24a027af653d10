import type { Contract, Execution } from '@stoqey/ib';
import { BrokerConnectionError } from '../errors/index.js';
import type { IbkrRequests } from './ibkr-requests.js';
import { formatIbUtc } from './ibkr-time.js';

/** One EXECUTION_DATA message. */
export interface IbkrExecution {
  readonly contract: Contract;
  readonly execution: Execution;
}

/**
 * reqExecutions for this client id and account: EXECUTION_DATA with the request's id until
 * EXECUTION_DATA_END (TWS answers with today's executions; `since` narrows it, in UTC). The commission
 * reports that follow each execution reach the fill journal through the wire like live ones.
 */
export function requestExecutions(
  requests: IbkrRequests,
  clientId: number,
  accountCode: string,
  since?: Date,
): Promise<IbkrExecution[]> {
  return requests.run<IbkrExecution[]>(
    'the executions',
    (reqId, control) => {
      const found = new Map<string, IbkrExecution>();
      control.listen(
        requests.on('execDetails', (id, contract, execution) => {
          if (id === reqId && execution.execId) found.set(execution.execId, { contract, execution });
        }),
      );
      control.listen(
        requests.on('execDetailsEnd', (id) => {
          if (id === reqId) control.resolve([...found.values()]);
        }),
      );
    },
    (api, reqId) =>
      api.reqExecutions(reqId, {
        clientId: String(clientId),
        acctCode: accountCode,
        ...(since ? { time: formatIbUtc(since) } : {}),
      }),
    BrokerConnectionError,
  );
}
