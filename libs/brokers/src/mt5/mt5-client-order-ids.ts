import { createHash } from 'node:crypto';

/**
 * Comments hold about 31 characters on MT5 and some servers trim them further (MetaApi keeps to 26), so
 * a client order id rides whole only when short; a longer one rides as a digest of itself, which the
 * adapter recomputes to find the order again after a restart. The comment is a hint either way: the
 * server overwrites it when SL/TP closes a position, so tickets are what orders are followed by.
 */
export const MT5_COMMENT_LENGTH = 26;
const DIGEST_PREFIX = 'er#';

export function commentFor(clientOrderId: string): string {
  if (clientOrderId.length <= MT5_COMMENT_LENGTH && !clientOrderId.startsWith(DIGEST_PREFIX))
    return clientOrderId;
  const digest = createHash('sha256').update(clientOrderId).digest('base64url');
  return DIGEST_PREFIX + digest.slice(0, MT5_COMMENT_LENGTH - DIGEST_PREFIX.length);
}

/** What Edgerunner remembers of an order it sent: the comment is not enough (see above). */
export interface Mt5SentOrder {
  readonly clientOrderId: string;
  readonly ticket: string;
  readonly timeInForce: 'gtc' | 'day' | 'ioc' | 'fok';
  readonly createdAt: string;
}

/**
 * The adapter's own clientOrderId ↔ ticket map, filled by every order it sends or finds. An order's
 * deals can be reported before order_send answers with its ticket, so the comment it was sent with is
 * known from the moment it goes out.
 */
export class Mt5OrderIds {
  private readonly byTicket = new Map<string, Mt5SentOrder>();
  private readonly byClientId = new Map<string, Mt5SentOrder>();
  private readonly sending = new Map<string, string>();

  /** Before order_send: the comment the order carries, and whose it is. */
  sendingWith(comment: string, clientOrderId: string): void {
    this.sending.set(comment, clientOrderId);
  }

  /** After order_send, whatever it answered. */
  sent(comment: string): void {
    this.sending.delete(comment);
  }

  remember(order: Mt5SentOrder): void {
    this.byTicket.set(order.ticket, order);
    this.byClientId.set(order.clientOrderId, order);
  }

  /**
   * Whose order the ticket is: the id it was sent or found with, the id of one being sent under this comment,
   * a plain id in the comment, or else a name of the ticket's own (a digest cannot be read back, and "[sl ...]"
   * is the server's overwrite, not an id).
   */
  clientOrderIdOf(ticket: string, comment: string): string {
    const known = this.byTicket.get(ticket)?.clientOrderId ?? this.sending.get(comment);
    if (known) return known;
    const plain = comment !== '' && !comment.startsWith(DIGEST_PREFIX) && !comment.startsWith('[');
    return plain ? comment : `mt5-${ticket}`;
  }

  byTicketOf(ticket: string): Mt5SentOrder | undefined {
    return this.byTicket.get(ticket);
  }

  byClientOrderId(clientOrderId: string): Mt5SentOrder | undefined {
    return this.byClientId.get(clientOrderId);
  }
}
