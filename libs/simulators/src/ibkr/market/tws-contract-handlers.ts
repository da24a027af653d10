import { readContract } from '../protocol/incoming/tws-place-order.js';
import { encodeContractData, encodeContractDataEnd } from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import { contractDetailsOf } from './tws-contract-details.js';
import type { TwsInstrumentRegistry } from './tws-instrument-registry.js';

const REQ_CONTRACT_DATA = 9;

/**
 * reqContractDetails [9, 8, reqId, contract, includeExpired, secIdType, secId, issuerId]: every contract
 * the fields describe (several when they are ambiguous, which is how a client finds out), then
 * CONTRACT_DATA_END; none is ERR_MSG 200.
 */
export function contractHandlers(
  registry: TwsInstrumentRegistry,
  now: () => number,
): [number, TwsRequestHandler][] {
  return [
    [
      REQ_CONTRACT_DATA,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_CONTRACT_DATA');
        reader.skip(2);
        const reqId = reader.int();
        const contract = readContract(reader);
        reader.skip(4);
        const found = registry.matching(contract);
        if (found.length === 0) {
          session.error(reqId, 200, 'No security definition has been found for the request');
          return;
        }
        for (const instrument of found)
          session.send(encodeContractData(reqId, contractDetailsOf(instrument, now())));
        session.send(encodeContractDataEnd(reqId));
      },
    ],
  ];
}
