import { fastify } from 'fastify';
import { pino } from 'pino';
import { requestLogHook } from './request-log.hook.js';
import { serializeRequest } from './serialize-request.js';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    {
      level,
      redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
      serializers: {
        req: pino.stdSerializers.wrapRequestSerializer(serializeRequest),
        res: pino.stdSerializers.res,
      },
    },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  // As the app's adapter does: the id is also put on the raw request, where the serializer reads it.
  const server = fastify({
    genReqId: (request) =>
      ((request as typeof request & { id?: string }).id = String(
        request.headers['x-request-id'] ?? 'generated',
      )),
  });
  server.addHook('onResponse', requestLogHook(logger));
  server.get('/ok', () => ({ ok: true }));
  server.get('/broken', () => {
    throw new Error('broken');
  });
  return { server, lines };
}

describe('the request log line', () => {
  it('names the request by its id, with its status and time, and no credential', async () => {
    const { server, lines } = capture('info');
    await server.inject({
      url: '/ok?token=hunter2-secret',
      headers: { 'x-request-id': 'req-7', authorization: 'Bearer er_live_secret' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: {
        id: 'req-7',
        method: 'GET',
        url: '/ok?token=[redacted]',
        headers: { authorization: '[redacted]' },
      },
      res: { statusCode: 200 },
      responseTime: expect.any(Number) as number,
    });
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|er_live_secret/);
  });

  it('writes a client error as a warning and a server error as an error', async () => {
    const { server, lines } = capture('info');
    await server.inject({ url: '/missing' });
    await server.inject({ url: '/broken' });
    expect(
      lines.map((line) => [line.level, line.msg, (line.res as { statusCode: number }).statusCode]),
    ).toEqual([
      [40, 'request completed', 404],
      [50, 'request errored', 500],
    ]);
  });

  it('writes nothing below the configured level', async () => {
    const { server, lines } = capture('warn');
    await server.inject({ url: '/ok' });
    expect(lines).toEqual([]);
  });
});
