import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Accounts } from '../auth/accounts.js';
import type { ProviderKeys } from '../auth/providerKeys.js';
import type { SocketRegistry } from '../auth/socketRegistry.js';
import type { Viewer } from '../auth/viewer.js';
import type { AppConfig } from '../config.js';
import type { CatalogService } from '../openbench/catalog.js';
import type { AppPubSub } from '../pubsub.js';
import type { RunRepository } from '../runs/repository.js';
import type { SampleStore } from '../runs/sampleStore.js';
import type { RunService } from '../runs/service.js';

/** The server's long-lived parts, shared by every request. */
export interface Services {
  config: AppConfig;
  dataSource: DataSource;
  catalog: CatalogService;
  runs: RunService;
  runRepository: RunRepository;
  samples: SampleStore;
  pubsub: AppPubSub;
  accounts: Accounts;
  providerKeys: ProviderKeys;
  sockets: SocketRegistry;
}

/** Built per request (HTTP) or per subscription (WebSocket). */
export interface Context extends Services {
  viewer: Viewer | null;
  /** The Node request (HTTP, or the WebSocket upgrade), for cookies and the client address. */
  req: IncomingMessage | undefined;
  /** Adds a Set-Cookie header to the HTTP response (ignored over WebSocket). */
  setCookie(cookie: string): void;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: string; Output: string };
  };
}>({
  plugins: [ErrorsPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  errors: { defaultTypes: [] },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
