/** Makes a `switch` exhaustive: adding a case to the union without handling it fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
