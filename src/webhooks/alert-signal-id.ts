import { createHash } from 'node:crypto';

/** What SignalService takes as a signal id (TriggerSignalDto's rule). */
const SIGNAL_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Hex characters of the alert id's SHA-256 kept when it must be hashed: 160 bits. */
const HASHED_CHARACTERS = 40;

/**
 * The signal id of a webhook's alert: `tv-<webhook>-<alert>` while that is a valid signal id, so an order
 * can be traced back to its alert by eye; otherwise (too long, or a space in the Pine order id) the
 * alert id's hash as `tvh-<webhook>-<hash>`, which the readable form can never spell. Either way unique per
 * webhook and alert, so one alert id on two webhooks is two signals.
 */
export function alertSignalId(webhookId: string, alertId: string): string {
  const readable = `tv-${webhookId}-${alertId}`;
  if (SIGNAL_ID.test(readable)) return readable;
  const digest = createHash('sha256').update(alertId, 'utf8').digest('hex').slice(0, HASHED_CHARACTERS);
  return `tvh-${webhookId}-${digest}`;
}
