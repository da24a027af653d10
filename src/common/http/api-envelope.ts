/** The body of every HTTP response, errors included. */
export interface ApiEnvelope<T = unknown> {
  readonly status: 'success' | 'error';
  readonly data: T;
  readonly message: string;
}

export function successEnvelope<T>(data: T, message = 'OK'): ApiEnvelope<T> {
  return { status: 'success', data, message };
}

export function errorEnvelope(message: string, data: unknown = null): ApiEnvelope {
  return { status: 'error', data, message };
}
