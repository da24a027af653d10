/** The process environment: the one place the app reads it, handed to configuration at start-up. */
export function readEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
