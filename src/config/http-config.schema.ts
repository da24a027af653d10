import { Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min, ValidateBy, ValidateNested } from 'class-validator';

/** The `origins` entry that lets every origin read the API; browsers allow it only without credentials. */
export const ANY_ORIGIN = '*';
const MAX_ORIGINS = 100;

/** Why `value` is not an origin as a browser sends it (`https://host[:port]`), or null when it is one. */
function originProblem(value: unknown): string | null {
  const example = 'e.g. https://desk.example.com';
  if (typeof value !== 'string') return `${JSON.stringify(value)} is not an origin (${example})`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an origin: write scheme://host[:port], ${example}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `"${value}" is not an origin: it must start with https:// or http://`;
  if (url.hostname.includes('*'))
    return `"${value}": wildcards in a host are not supported, list each origin (or "*" alone for any)`;
  // The Origin header is compared as a string: a path, an upper-case host or a default port never matches.
  if (url.origin !== value) return `"${value}" is not an origin as browsers send it: write ${url.origin}`;
  return null;
}

/** Why a list of CORS origins is refused, or null when every entry is fine. */
function corsOriginsProblem(origins: unknown, credentials: unknown): string | null {
  if (!Array.isArray(origins)) return `must be a list of origins (e.g. ["https://desk.example.com"])`;
  if (origins.length > MAX_ORIGINS) return `lists more than ${MAX_ORIGINS} origins`;
  if (origins.includes(ANY_ORIGIN)) {
    if (origins.length > 1) return `"*" already allows every origin: list it alone`;
    if (credentials === true)
      return `"*" cannot be used with credentials: true (browsers refuse it): list the origins`;
    return null;
  }
  for (const origin of origins) {
    const problem = originProblem(origin);
    if (problem !== null) return problem;
  }
  return null;
}

/** Which browser origins may call the API (REST and the Socket.IO stream's polling transport). */
export class CorsConfig {
  /**
   * Exact origins (`https://host[:port]`) whose pages may read the API's answers, or `["*"]` for any.
   * Empty (the default): CORS is off and no response carries an Access-Control-* header.
   */
  @ValidateBy({
    name: 'isCorsOriginList',
    validator: {
      validate: (value, args) =>
        corsOriginsProblem(value, (args?.object as Partial<CorsConfig>).credentials) === null,
      defaultMessage: (args) =>
        corsOriginsProblem(args?.value, (args?.object as Partial<CorsConfig>).credentials) ?? 'invalid',
    },
  })
  origins: string[] = [];

  /**
   * Lets browsers send cookies or client certificates (Access-Control-Allow-Credentials). API keys
   * travel in the Authorization header, which needs no credentials mode; this is for a proxy in front
   * that authenticates by cookie.
   */
  @IsBoolean()
  credentials = false;

  /** How long a browser may reuse a preflight's answer (Access-Control-Max-Age, seconds). */
  @IsInt()
  @Min(0)
  @Max(86_400)
  maxAgeSeconds = 600;
}

/** The HTTP server's browser-facing policy. */
export class HttpConfig {
  @ValidateNested()
  @Type(() => CorsConfig)
  cors: CorsConfig = new CorsConfig();
}
