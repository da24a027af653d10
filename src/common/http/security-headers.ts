import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';

type ContentSecurityPolicy = Exclude<FastifyHelmetOptions['contentSecurityPolicy'], boolean | undefined>;

/**
 * What a JSON answer may load or be framed by: nothing. A browser that is tricked into rendering one
 * as a page (a reflected value, a sniffed type) runs and embeds nothing.
 */
const API_CONTENT_SECURITY_POLICY: ContentSecurityPolicy = {
  useDefaults: false,
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
};

/**
 * Swagger UI at /docs: its page loads its bundle, its init script and its stylesheet from /docs; the
 * page and the React it runs write inline styles and the stylesheet draws its icons as data: images;
 * "Try it out" calls this same API. Nothing else, and no inline script.
 */
const DOCS_CONTENT_SECURITY_POLICY: ContentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

/** Helmet's defaults (HSTS, nosniff, no-referrer, same-origin COOP/CORP, …) but never framed. */
const API_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
  xFrameOptions: { action: 'deny' },
};

/** Swagger UI's page and assets; `/docs-json` is JSON and keeps the API's policy. */
function isSwaggerUiRoute(url: string): boolean {
  return url === '/docs' || url.startsWith('/docs/');
}

/**
 * Security headers on every answer, errors and 404s included. The Swagger UI routes get the policy
 * their page needs, through @fastify/helmet's per-route config. A route that serves its own page (the
 * backtest report) sets its own Content-Security-Policy, which replaces this one.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  // Before setupSwagger adds its routes, so that each of them passes through this hook.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route: RouteOptions) => {
      if (!isSwaggerUiRoute(route.url)) return;
      // Merged over the options below by @fastify/helmet: only the policy differs.
      route.config = Object.assign(route.config ?? {}, {
        helmet: { contentSecurityPolicy: DOCS_CONTENT_SECURITY_POLICY },
      });
    });
  await app.register(helmet, API_HEADERS);
}
