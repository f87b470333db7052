import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { Redis } from 'ioredis';
import { Accounts, LOGIN_LIMITS } from './auth/accounts.js';
import { useAuthGate } from './auth/authGate.js';
import { RedisRateLimiter } from './auth/rateLimit.js';
import { Keyring } from './auth/keyring.js';
import { ProviderKeys } from './auth/providerKeys.js';
import { SocketRegistry } from './auth/socketRegistry.js';
import { viewerOf } from './auth/viewer.js';
import type { AppConfig } from './config.js';
import { openDatabase } from './db/dataSource.js';
import { serveArtifact } from './http/artifacts.js';
import { serveExport } from './http/exports.js';
import { serveClient } from './http/static.js';
import { CatalogService } from './openbench/catalog.js';
import { createAppPubSub } from './pubsub.js';
import { QueueDispatcher } from './queue/queueDispatcher.js';
import { LocalDispatcher, type RunDispatcher } from './runs/dispatch.js';
import { RunLifecycle } from './runs/lifecycle.js';
import { RunRepository } from './runs/repository.js';
import { RunRunner } from './runs/runner.js';
import { SampleStore } from './runs/sampleStore.js';
import { RunService } from './runs/service.js';
import type { Context, Services } from './schema/builder.js';
import { schema } from './schema/index.js';

export interface App {
  /** Listens on `port` (0 = any free port) and returns the base URL. */
  start(port?: number): Promise<string>;
  /** Cancels running runs, closes sockets and the database. */
  stop(): Promise<void>;
  readonly runs: RunService;
  readonly catalog: CatalogService;
  readonly dataSource: DataSource;
}

const GRAPHQL_PATH = '/graphql';

/** Wires config → database → services → HTTP + GraphQL + WebSocket server. */
export async function buildApp(config: AppConfig): Promise<App> {
  const dataSource = await openDatabase(config);
  const pubsub = createAppPubSub(config.redisUrl);
  const catalog = new CatalogService({
    pythonBin: config.pythonBin,
    scriptPath: path.join(config.rootDir, 'scripts', 'openbench_catalog.py'),
    evalsDir: config.evalsDir,
    ttlMs: config.catalogTtlMs,
  });
  const runRepository = new RunRepository(dataSource);
  const samples = new SampleStore(dataSource);
  const keyring = Keyring.load({ masterKey: config.masterKey, keyFile: config.masterKeyFile });
  const providerKeys = new ProviderKeys(dataSource, keyring);
  // With Redis, login attempts are counted across every API replica.
  const limiterRedis = config.redisUrl ? new Redis(config.redisUrl) : null;
  const accounts = new Accounts(
    dataSource,
    {
      idleMs: config.sessionIdleMs,
      absoluteMs: config.sessionAbsoluteMs,
      signupOpen: config.signupOpen,
    },
    limiterRedis
      ? {
          byUser: new RedisRateLimiter(limiterRedis, 'obw:login:user', ...LOGIN_LIMITS.byUser),
          byAddress: new RedisRateLimiter(limiterRedis, 'obw:login:address', ...LOGIN_LIMITS.byAddress),
        }
      : undefined,
  );
  const lifecycle = new RunLifecycle(config, runRepository, pubsub);
  // With Redis, runs wait in a BullMQ queue for worker processes; otherwise they run here.
  const dispatcher: RunDispatcher = config.redisUrl
    ? new QueueDispatcher(config.redisUrl, lifecycle)
    : new LocalDispatcher(
        config.maxConcurrentRuns,
        config.workerName,
        lifecycle,
        new RunRunner(config, lifecycle, samples, providerKeys),
      );
  const runs = new RunService(config, lifecycle, catalog, providerKeys, dispatcher);
  const sockets = new SocketRegistry();
  const services: Services = {
    config,
    dataSource,
    catalog,
    runs,
    runRepository,
    samples,
    pubsub,
    accounts,
    providerKeys,
    sockets,
  };

  // Set-Cookie headers asked for by resolvers, per HTTP request, added to its response.
  const pendingCookies = new WeakMap<Request, string[]>();
  const useResponseCookies: Plugin = {
    onResponse({ request, response }) {
      for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };
  const armor = new EnvelopArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    maxTokens: { n: 4000 },
    costLimit: { maxCost: 20_000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: config.production },
  });

  const yoga = createYoga<{ req?: http.IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: async (initial): Promise<Context> => {
      const request = (initial as { request?: Request }).request;
      const cookies: string[] = [];
      if (request) pendingCookies.set(request, cookies);
      return {
        ...services,
        req: initial.req,
        viewer: await viewerOf(initial.req, accounts),
        setCookie: (cookie) => cookies.push(cookie),
      };
    },
    plugins: [
      ...armor.protect().plugins,
      useCSRFPrevention({ requestHeaders: ['x-graphql-csrf'] }),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      useAuthGate(),
      useResponseCookies,
    ],
    graphiql: config.production ? false : { subscriptionsProtocol: 'WS' },
    maskedErrors: true,
    logging: config.production ? 'warn' : 'info',
    cors: config.allowedOrigins.length > 0 ? { origin: config.allowedOrigins, credentials: true } : false,
  });

  const server = http.createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      console.error('request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error\n');
    });
  });

  // Clients (browsers, undici's fetch, proxies) reuse idle connections; a server that closes
  // them first races with a request already on its way (ECONNRESET). Outlive the clients.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    if (pathname === GRAPHQL_PATH || pathname.startsWith(`${GRAPHQL_PATH}/`)) {
      await yoga.handle(req, res);
      return;
    }
    if (pathname === '/api/health') {
      await dataSource.query('SELECT 1');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const viewer = pathname.startsWith('/api/') ? await viewerOf(req, accounts) : null;
      if (await serveArtifact(req, res, pathname, { runs, runRepository, viewer })) return;
      if (await serveExport(url, res, { dataSource, runs, runRepository, samples, viewer })) return;
      if (pathname.startsWith('/api/')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
        return;
      }
      await serveClient(res, pathname, config.clientDir);
      return;
    }
    res.writeHead(405, { 'content-type': 'text/plain' }).end('Method not allowed\n');
  }

  // graphql-ws on the same server and path as Yoga, executing through Yoga's envelop so
  // subscriptions get the same plugins, context and error masking as HTTP requests.
  const wsServer = new WebSocketServer({
    server,
    path: GRAPHQL_PATH,
    // Browsers always send Origin on a WebSocket: only this server's own origin and the
    // configured ones may open one with the user's cookie. Clients without Origin (scripts,
    // notebooks) are not browsers and carry their own credentials.
    verifyClient: ({ origin, req }: { origin?: string; req: http.IncomingMessage }) =>
      !origin || config.allowedOrigins.includes(origin) || sameOrigin(origin, req),
  });
  const wsCleanup = useServer<
    Record<string, unknown>,
    { request: http.IncomingMessage; socket: import('ws').WebSocket }
  >(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as EnvelopRoot).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as EnvelopRoot).subscribe(args),
      // Subscriptions need a session, checked once when the socket connects; logging out
      // closes the socket (SocketRegistry).
      onConnect: async (ctx) => {
        const viewer = await viewerOf(ctx.extra.request, accounts);
        if (!viewer) return false;
        sockets.add(viewer.tokenHash, ctx.extra.socket);
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        const {
          schema: envSchema,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const args = {
          schema: envSchema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length > 0 ? errors : (args as ExecutionArgs);
      },
    },
    wsServer,
  );

  await runs.reconcile();
  catalog.warm();

  return {
    runs,
    catalog,
    dataSource,
    async start(port = config.port) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.host, () => resolve());
      });
      const { port: actual } = server.address() as AddressInfo;
      return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${actual}`;
    },
    async stop() {
      await runs.shutdown();
      await wsCleanup.dispose();
      wsServer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pubsub.close();
      await limiterRedis?.quit();
      await dataSource.destroy();
    },
  };
}

type OperationResult = ReturnType<NonNullable<Parameters<typeof useServer>[0]['execute']>>;

function sameOrigin(origin: string, req: http.IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

interface EnvelopRoot {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}
