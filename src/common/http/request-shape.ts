import { ValidationFailedError } from '../errors/app-error.js';

/** Deeper than any request body this API takes; bounded so no validator recurses into a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** Where a part of a request came from, to name it in the refusal. */
export type RequestPart = 'body' | 'query' | 'params';

/**
 * Refuses, before any validator or query sees it, what PostgreSQL or the validators cannot take: a NUL
 * character (PostgreSQL refuses it in text) anywhere in a key or a value, and JSON nested deeper than
 * `MAX_JSON_DEPTH`. Walks with its own stack, so a hostile depth cannot overflow this either.
 */
export function checkRequestShape(part: RequestPart, value: unknown): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: part, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: current, path, depth } = next;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) throw nulRefusal(path);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new ValidationFailedError(`${part} is nested deeper than ${MAX_JSON_DEPTH} levels`, {
        field: path,
      });
    }
    for (const [key, child] of Object.entries(current)) {
      if (key.includes('\u0000')) throw nulRefusal(path);
      pending.push({
        value: child,
        path: Array.isArray(current) ? `${path}[${key}]` : `${path}.${key}`,
        depth: depth + 1,
      });
    }
  }
}

function nulRefusal(path: string): ValidationFailedError {
  return new ValidationFailedError(`${path} contains a NUL character (\\u0000), which is never valid here`, {
    field: path,
  });
}
