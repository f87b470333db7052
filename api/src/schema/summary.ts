import type { Breakdown, BreakdownItem, Summary, SummaryMetric, TokenUsage } from '../openbench/summary.js';
import { builder } from './builder.js';

export const MetricType = builder.objectRef<SummaryMetric>('Metric').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeFloat('value', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    stderr: t.float({ nullable: true, resolve: (m) => m.stderr ?? null }),
    scorer: t.string({ nullable: true, resolve: (m) => m.scorer ?? null }),
  }),
});

const BreakdownItemType = builder.objectRef<BreakdownItem>('BreakdownItem').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    value: t.exposeFloat('value', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    stderr: t.float({ nullable: true, resolve: (i) => i.stderr ?? null }),
  }),
});

const BreakdownType = builder.objectRef<Breakdown>('Breakdown').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    scorer: t.string({ nullable: true, resolve: (b) => b.scorer ?? null }),
    items: t.field({ type: [BreakdownItemType], resolve: (b) => b.items }),
  }),
});

const TokenUsageType = builder.objectRef<TokenUsage>('TokenUsage').implement({
  fields: (t) => ({
    model: t.exposeString('model'),
    inputTokens: t.exposeInt('inputTokens', { nullable: true }),
    outputTokens: t.exposeInt('outputTokens', { nullable: true }),
    totalTokens: t.exposeInt('totalTokens', { nullable: true }),
  }),
});

export const SummaryType = builder.objectRef<Summary>('Summary').implement({
  description: 'The parsed results of a finished run (summary.json, schema version 1).',
  fields: (t) => ({
    schemaVersion: t.int({ resolve: (s) => s.schema_version }),
    primaryMetric: t.field({ type: MetricType, nullable: true, resolve: (s) => s.primary_metric }),
    metrics: t.field({ type: [MetricType], resolve: (s) => s.metrics }),
    breakdowns: t.field({ type: [BreakdownType], resolve: (s) => s.breakdowns }),
    notes: t.stringList({ resolve: (s) => s.notes }),
    logStatus: t.string({ nullable: true, resolve: (s) => s.log_status }),
    totalSamples: t.int({ nullable: true, resolve: (s) => s.total_samples }),
    completedSamples: t.int({ nullable: true, resolve: (s) => s.completed_samples }),
    tokenUsage: t.field({ type: [TokenUsageType], resolve: (s) => s.token_usage ?? [] }),
  }),
});
