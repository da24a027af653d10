import type { ContractDetails } from '@stoqey/ib';
import { UnknownSymbolError } from '../errors/index.js';
import type { IbkrContractBook, IbkrResolvedContract } from './ibkr-contract-book.js';
import { toResolvedContract, toSearchContract } from './ibkr-contract-book.js';
import type { IbkrRequests } from './ibkr-requests.js';

/**
 * Resolves each configured symbol once per session through reqContractDetails: its conId, tick and
 * size rules. IB answers 200 for a contract it does not know, which becomes UnknownSymbolError.
 */
export class IbkrContractResolver {
  private readonly inFlight = new Map<string, Promise<IbkrResolvedContract>>();

  constructor(
    private readonly book: IbkrContractBook,
    private readonly requests: IbkrRequests,
  ) {}

  async resolve(symbol: string): Promise<IbkrResolvedContract> {
    this.book.spec(symbol);
    const cached = this.book.cached(symbol);
    if (cached) return cached;
    let pending = this.inFlight.get(symbol);
    if (!pending) {
      pending = this.describe(symbol).finally(() => this.inFlight.delete(symbol));
      this.inFlight.set(symbol, pending);
    }
    return pending;
  }

  private async describe(symbol: string): Promise<IbkrResolvedContract> {
    const spec = this.book.spec(symbol);
    const found = await this.requests.run<ContractDetails[]>(
      `the contract details of ${symbol}`,
      (reqId, control) => {
        const details: ContractDetails[] = [];
        control.listen(
          this.requests.on('contractDetails', (id, each) => {
            if (id === reqId) details.push(each);
          }),
        );
        control.listen(
          this.requests.on('contractDetailsEnd', (id) => {
            if (id === reqId) control.resolve(details);
          }),
        );
      },
      (api, reqId) => api.reqContractDetails(reqId, toSearchContract(spec)),
      UnknownSymbolError,
    );
    const first = found[0];
    if (!first) {
      throw new UnknownSymbolError(`IB found no contract for ${symbol}`, { broker: 'ibkr' });
    }
    // Several matches (a future month without its day, a stock on several exchanges): the first is
    // traded; pin conId in the config to choose another.
    const resolved = toResolvedContract(spec, first);
    this.book.remember(resolved);
    return resolved;
  }
}
