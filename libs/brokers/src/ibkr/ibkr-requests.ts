import type { IBApi } from '@stoqey/ib';
import { BrokerTimeoutError, type BrokerError, type BrokerErrorDetails } from '../errors/index.js';
import { toIbkrError } from './ibkr-error-codes.js';
import { IbkrRequestIds } from './ibkr-ids.js';
import type { IbkrWire, IbkrWireEvents, IbkrWireName } from './ibkr-wire.js';

type ErrorClass = new (message: string, details: BrokerErrorDetails) => BrokerError;

/** How one request's executor ends it; `listen` subscriptions are dropped when it ends. */
export interface IbkrRequestControl<T> {
  resolve(value: T): void;
  reject(error: BrokerError): void;
  /** Subscribes to the wire for the life of the request. */
  listen(unsubscribe: () => void): void;
}

interface Pending {
  readonly fallback: ErrorClass | undefined;
  readonly fail: (error: BrokerError) => void;
}

/**
 * Data requests by request id: each gets its own id (disjoint from order ids), a timeout, and the IB
 * errors sent with its id; when the socket drops every request still waiting fails at once.
 */
export class IbkrRequests {
  private readonly ids = new IbkrRequestIds();
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly wire: IbkrWire,
    private readonly api: () => IBApi,
    private readonly timeoutMs: number,
  ) {}

  nextId(): number {
    return this.ids.next();
  }

  /**
   * Sends a request through `send(api, reqId)` after `collect(reqId, control)` has subscribed to its
   * answers. `fallback` classes IB codes the error table does not know.
   */
  run<T>(
    what: string,
    collect: (reqId: number, control: IbkrRequestControl<T>) => void,
    send: (api: IBApi, reqId: number) => void,
    fallback?: ErrorClass,
  ): Promise<T> {
    const api = this.api();
    const reqId = this.ids.next();
    return new Promise<T>((resolve, reject) => {
      const unsubscribes: (() => void)[] = [];
      const end = (): void => {
        clearTimeout(timer);
        this.pending.delete(reqId);
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
      const control: IbkrRequestControl<T> = {
        resolve: (value) => {
          end();
          resolve(value);
        },
        reject: (error) => {
          end();
          reject(error);
        },
        listen: (unsubscribe) => unsubscribes.push(unsubscribe),
      };
      const timer = setTimeout(
        () =>
          control.reject(
            new BrokerTimeoutError(`TWS did not answer ${what} within ${this.timeoutMs} ms`, {
              broker: 'ibkr',
            }),
          ),
        this.timeoutMs,
      );
      timer.unref();
      this.pending.set(reqId, { fallback, fail: (error) => control.reject(error) });
      collect(reqId, control);
      send(api, reqId);
    });
  }

  /** Routes an IB error sent with a request id; false when no request waits under that id. */
  fail(reqId: number, code: number, message: string): boolean {
    const pending = this.pending.get(reqId);
    if (!pending) return false;
    pending.fail(toIbkrError(code, message, pending.fallback));
    return true;
  }

  failAll(error: BrokerError): void {
    for (const pending of [...this.pending.values()]) pending.fail(error);
  }

  /** Subscribes to the wire and returns the removal, for `control.listen`. */
  on<K extends IbkrWireName>(name: K, listener: (...args: IbkrWireEvents[K]) => void): () => void {
    return this.wire.on(name, listener);
  }
}
