/** What the bench's processes say to each other over IPC. */
export type ServerKind = 'edgerunner' | 'bare socket.io';

export interface TickPlan {
  readonly symbols: readonly string[];
  readonly hz: number;
  readonly seconds: number;
}

export type ToServer = { readonly type: 'start'; readonly plan: TickPlan } | { readonly type: 'stop' };

export type FromServer =
  | { readonly type: 'ready'; readonly url: string; readonly token: string; readonly symbols: string[] }
  | {
      readonly type: 'done';
      readonly ticks: number;
      /** CPU time the server process used during the ticking, as a share of one core (1 = 100 %). */
      readonly cpuCores: number;
      readonly peakRssMb: number;
    };

export interface ClientJob {
  readonly kind: ServerKind;
  readonly url: string;
  readonly token: string;
  readonly symbols: readonly string[];
  readonly connections: number;
}

export type ToClients = { readonly type: 'measure' } | { readonly type: 'report' };

export type FromClients =
  | { readonly type: 'ready'; readonly connected: number; readonly failed: number }
  | {
      readonly type: 'report';
      readonly received: number;
      /** Count of deliveries per whole millisecond of latency; the last bucket holds everything above. */
      readonly histogram: number[];
      readonly disconnects: number;
    };
