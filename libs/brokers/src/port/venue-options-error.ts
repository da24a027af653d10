/**
 * A venue's options that cannot be used (a secret variable not set, a placeholder in production). `field`
 * is the option's path inside the venue's options, empty for the options as a whole: the config loader
 * prefixes it with the account's, so the message names `accounts.0.bybit.apiKeyEnv`.
 */
export class VenueOptionsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'VenueOptionsError';
  }
}
