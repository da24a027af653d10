import { fastify } from 'fastify';

/** A response captured from the real app, to be served verbatim. */
export interface CapturedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface ReferenceRoutes {
  readonly get: { readonly path: string; readonly response: CapturedResponse };
  readonly post: { readonly path: string; readonly response: CapturedResponse };
}

export interface ReferenceServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The reference: a bare Fastify 5 (the same package @nestjs/platform-fastify runs on) answering the bench's
 * GET and POST routes with the bytes the real app answered. POST still parses the JSON body, as any
 * route taking an order must; nothing else (no auth, validation, envelope, hooks or logging).
 */
export async function startReferenceServer(routes: ReferenceRoutes): Promise<ReferenceServer> {
  const server = fastify({ logger: false });
  server.get(routes.get.path, (_request, reply) => {
    const { status, contentType, body } = routes.get.response;
    return reply.code(status).type(contentType).send(body);
  });
  server.post(routes.post.path, (request, reply) => {
    if (typeof request.body !== 'object' || request.body === null) return reply.code(400).send();
    const { status, contentType, body } = routes.post.response;
    return reply.code(status).type(contentType).send(body);
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => server.close() };
}
