import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config.js';
import type { CatalogService } from '../openbench/catalog.js';
import type { AppPubSub } from '../pubsub.js';
import type { RunRepository } from '../runs/repository.js';
import type { SampleStore } from '../runs/sampleStore.js';
import type { RunService } from '../runs/service.js';

/** Built per request (HTTP) or per subscription (WebSocket). */
export interface Context {
  config: AppConfig;
  dataSource: DataSource;
  catalog: CatalogService;
  runs: RunService;
  runRepository: RunRepository;
  samples: SampleStore;
  pubsub: AppPubSub;
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
