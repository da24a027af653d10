/** A peer broke the bridge protocol (a malformed line, an unknown message, a line too long): drop it. */
export class BridgeProtocolError extends Error {
  override readonly name = 'BridgeProtocolError';
}
