/** The Socket.IO namespace of the stream: the gateway serves it, a backtest worker broadcasts into it. */
export const STREAM_NAMESPACE = '/ws/broker';
