import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { EnvironmentVariables } from '../src/config/environment.schema.js';
import { seedEmbeddedDatabase } from './support/database-template.js';
import { dockerfileStages, envOf, execForm, type Stage } from './support/dockerfile-stages.js';
import { startServerProcess } from './support/server-process.js';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const read = (path: string): string => readFileSync(root(path), 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const stages = dockerfileStages(read('Dockerfile'));
const final = stages.at(-1)!;
const imageEnv = envOf(final);
const instructions = (stage: Stage, keyword: string): string[] =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map(({ args }) => args);
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Every variable the configuration reads: each carries a class-validator decorator. */
const KNOWN_VARIABLES = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .map((metadata) => metadata.propertyName),
);
const DEFAULT_PORT = new EnvironmentVariables().PORT;

const services = Object.entries(compose.services);
/** The services built from this repository's Dockerfile. */
const edgerunner = services.filter(([, service]) => service.build === '.');
const apis = edgerunner.filter(([, service]) => service.command === undefined);
const [, worker] = edgerunner.find(([, service]) => service.command !== undefined)!;
const healthCommand = execForm(instructions(final, 'HEALTHCHECK')[0]!.replace(/^.*?\bCMD\s+/, ''));

/** Runs the image's health check here, with `node` as this Node, against the server on `port`. */
function runHealthCheck(port: number): Promise<number | null> {
  const [, ...args] = healthCommand;
  const child = spawn(process.execPath, args, { env: { PORT: String(port) }, stdio: 'ignore' });
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

describe('the Dockerfile', () => {
  it('builds in stages from node:24-slim, and the image holds production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toBe('node:24-slim');
    const builder = stages.find((stage) => instructions(stage, 'RUN').some((run) => run === 'npm run build'));
    expect(instructions(builder!, 'RUN')).toContain('npm ci --no-audit --no-fund');
    // node_modules reaches the image from a stage that installed without devDependencies, and nothing in
    // the final stage installs any.
    const copies = instructions(final, 'COPY').filter((copy) => copy.endsWith(' ./node_modules'));
    expect(copies).toHaveLength(1);
    const source = stages.find((stage) => copies[0]!.startsWith(`--from=${stage.name} `))!;
    expect(instructions(source, 'RUN').join('\n')).toMatch(/^npm ci --omit=dev\b/m);
    expect(instructions(source, 'RUN').join('\n')).not.toMatch(/npm run build/);
    expect(instructions(final, 'RUN').join('\n')).not.toMatch(/\bnpm (ci|install)\b/);
  });

  it('runs the server as the node user, in production, on every interface, its data dir a volume', () => {
    expect(instructions(final, 'USER')).toEqual(['node']);
    expect(imageEnv).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: String(DEFAULT_PORT) });
    for (const name of Object.keys(imageEnv)) expect(KNOWN_VARIABLES).toContain(name);
    expect(instructions(final, 'VOLUME')).toEqual([imageEnv.EDGERUNNER_DATA_DIR]);
    // Made the user's before VOLUME: later changes to a volume's path are discarded by the builder.
    const order = final.instructions.map(({ keyword, args }) => `${keyword} ${args}`);
    const chown = order.findIndex((line) => line.includes(`chown node:node ${imageEnv.EDGERUNNER_DATA_DIR}`));
    expect(chown).toBeGreaterThanOrEqual(0);
    expect(chown).toBeLessThan(order.indexOf(`VOLUME ${imageEnv.EDGERUNNER_DATA_DIR}`));
    expect(execForm(instructions(final, 'CMD')[0]!).join(' ')).toBe(scripts['start:prod']);
    expect(instructions(final, 'EXPOSE')).toEqual([String(DEFAULT_PORT)]);
  });

  it('leaves out of the build context what must not reach an image, and nothing the build reads', () => {
    const patterns = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const ignored = (path: string): boolean =>
      patterns.some((pattern) => {
        // Docker's matching as far as these patterns go: `**/` any folders, `*` within one name.
        const glob = pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '\0')
          .replace(/\*/g, '[^/]*')
          .replace(/\0/g, '(.*/)?');
        return new RegExp(`^${glob}(/.*)?$`).test(path);
      });
    for (const path of ['node_modules', 'dist', 'data', '.git', '.env', 'coverage', 'test/fixtures/x.csv'])
      expect([path, ignored(path)]).toEqual([path, true]);
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    const needed = [
      ...build.include.map((folder) => `${folder}/index.ts`),
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'nest-cli.json',
      'src/persistence/migrations/meta/_journal.json',
    ];
    for (const path of needed) expect([path, ignored(path)]).toEqual([path, false]);
  });
});

describe('docker-compose.yml', () => {
  it('runs two API servers and a backtest worker from the image, on PostgreSQL and Redis', () => {
    expect(apis.map(([name]) => name)).toEqual(['api-a', 'api-b']);
    // The worker runs what `npm run start:worker` runs, a file the build makes from src/worker.ts.
    expect(worker.command?.join(' ')).toBe(scripts['start:worker']);
    expect(worker.command).toEqual(['node', 'dist/src/worker.js']);
    expect(existsSync(root('src/worker.ts'))).toBe(true);
    expect(existsSync(root('dist/src/worker.js'))).toBe(true);
    expect(compose.services.postgres?.image).toMatch(/^postgres:\d+/);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
  });

  it('gives every Edgerunner service only variables the configuration reads, secrets required', () => {
    for (const [name, service] of edgerunner) {
      for (const variable of Object.keys(service.environment ?? {}))
        expect([name, variable, KNOWN_VARIABLES.has(variable)]).toEqual([name, variable, true]);
      // Production refuses a missing master key; compose refuses to start without it first.
      expect(service.environment?.NODE_ENV).toBe('production');
      expect(service.environment?.EDGERUNNER_MASTER_KEY).toMatch(/^\$\{EDGERUNNER_MASTER_KEY:\?.+\}$/);
    }
    for (const [, api] of apis) {
      for (const secret of ['EDGERUNNER_API_KEY', 'EDGERUNNER_KEY_PEPPER'])
        expect(api.environment?.[secret]).toMatch(new RegExp(`^\\$\\{${secret}:\\?.+\\}$`));
      expect(api.environment?.EDGERUNNER_BACKTEST_WORKER).toBe('false');
    }
  });

  it('points every replica and the worker at one database, one Redis, one pepper and master key', () => {
    const value = (service: Service, name: string): string | undefined => service.environment?.[name];
    const all = edgerunner.map(([, service]) => service);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'EDGERUNNER_MASTER_KEY'])
      expect(new Set(all.map((service) => value(service, name))).size).toBe(1);
    expect(new Set(apis.map(([, api]) => value(api, 'EDGERUNNER_KEY_PEPPER'))).size).toBe(1);
    const postgres = compose.services.postgres!.environment!;
    const database = new URL(value(worker, 'DATABASE_URL')!.replace(/\$\{[^}]+\}/, 'secret'));
    expect(database).toMatchObject({
      hostname: 'postgres',
      username: postgres.POSTGRES_USER,
      pathname: `/${postgres.POSTGRES_DB}`,
    });
    expect(value(worker, 'DATABASE_URL')).toContain(postgres.POSTGRES_PASSWORD);
    expect(new URL(value(worker, 'REDIS_URL')!).hostname).toBe('redis');
  });

  it('publishes each API on its own host port to the port it listens on, with its own data volume', () => {
    const hostPorts = apis.map(([, api]) => {
      expect(api.ports).toHaveLength(1);
      const [host, container] = api.ports![0]!.split(':');
      expect(Number(container)).toBe(Number(api.environment?.PORT ?? imageEnv.PORT));
      return host;
    });
    expect(new Set(hostPorts).size).toBe(apis.length);
    const volumes = apis.map(([, api]) =>
      api.volumes?.find((v) => v.endsWith(`:${imageEnv.EDGERUNNER_DATA_DIR}`)),
    );
    for (const volume of volumes) expect(Object.keys(compose.volumes)).toContain(volume?.split(':')[0]);
    // A data dir is locked by the server holding it: two replicas on one would stop the second.
    expect(new Set(volumes).size).toBe(apis.length);
  });

  it('checks health the way the image does, starts services once what they need is healthy', () => {
    for (const [, api] of apis) expect(api.healthcheck?.test).toEqual(['CMD', ...healthCommand]);
    expect(healthCommand.join(' ')).toContain('/health');
    // The worker serves no HTTP: the image's check would mark it unhealthy for ever.
    expect(worker.healthcheck).toEqual({ disable: true });
    expect(compose.services.postgres?.healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready']));
    expect(compose.services.redis?.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    for (const [, service] of edgerunner) {
      const needs = Object.entries(service.depends_on ?? {});
      expect(needs.map(([name]) => name)).toEqual(expect.arrayContaining(['postgres', 'redis']));
      for (const [name, { condition }] of needs) {
        expect(condition).toBe('service_healthy');
        expect(compose.services[name]?.healthcheck?.test).toBeDefined();
      }
    }
    // The queue must survive a Redis restart and never be evicted (BullMQ's requirements).
    const redis = compose.services.redis!;
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes.*--maxmemory-policy noeviction/);
    expect(redis.volumes?.[0]).toMatch(/^redis-data:\/data$/);
    expect(compose.services.postgres?.volumes?.[0]).toMatch(/^postgres-data:\/var\/lib\/postgresql$/);
  });
});

describe("the image's health check", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-healthcheck-'));
    await seedEmbeddedDatabase(dataDir);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('passes against a running server on its PORT and fails once the server is gone', async () => {
    const server = await startServerProcess({ EDGERUNNER_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const port = Number(new URL(server.url).port);
    try {
      expect(await runHealthCheck(port)).toBe(0);
    } finally {
      await server.stop();
    }
    expect(await runHealthCheck(port)).toBe(1);
  });
});
