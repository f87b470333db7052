import { ValidationError } from '../errors.js';
import type { Catalog } from '../openbench/catalog.js';
import type { RunConfig } from '../openbench/runConfig.js';

export interface KeyValue {
  key: string;
  value: string;
}

/** What a client may ask for; everything else of the run config is derived. */
export interface StartRunInput {
  benchmark: string;
  model: string;
  limit?: number | null;
  temperature?: number | null;
  topP?: number | null;
  maxTokens?: number | null;
  timeout?: number | null;
  epochs?: number | null;
  maxConnections?: number | null;
  seed?: number | null;
  reasoningEffort?: string | null;
  taskArgs?: KeyValue[] | null;
  modelArgs?: KeyValue[] | null;
}

// provider/model: the provider is a plain identifier; the model part may hold more slashes
// (openai-api/svc/model, groq/openai/gpt-oss-20b) but never white space or shell-looking text.
const MODEL = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.:@+-][A-Za-z0-9_./:@+-]*$/;
const ARG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const REASONING = ['low', 'medium', 'high'] as const;

function number(
  field: string,
  value: number | null | undefined,
  min: number,
  max: number,
  integer: boolean,
): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new ValidationError(field, `${field} must be ${integer ? 'a whole number' : 'a number'}`);
  }
  if (value < min || value > max) {
    throw new ValidationError(field, `${field} must be between ${min} and ${max}`);
  }
  return value;
}

function keyValues(field: string, pairs: KeyValue[] | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!pairs) return result;
  if (pairs.length > 50) throw new ValidationError(field, `${field} accepts at most 50 entries`);
  for (const { key, value } of pairs) {
    if (!ARG_KEY.test(key) || key.length > 100) {
      throw new ValidationError(
        `${field}.${key}`,
        `"${key}" is not a valid argument name (letters, digits, _ . -)`,
      );
    }
    if (key in result) throw new ValidationError(`${field}.${key}`, `"${key}" is given twice`);
    if (value.length > 4096 || /[\0\n\r]/.test(value)) {
      throw new ValidationError(
        `${field}.${key}`,
        `the value of "${key}" must be one line of at most 4096 characters`,
      );
    }
    result[key] = value;
  }
  return result;
}

/**
 * Checks a start request against the catalog and the option ranges of `bench eval`, and
 * returns the run configuration. Throws ValidationError naming the first field at fault.
 * The benchmark must be a catalog key: a request can never make bench load an arbitrary path.
 */
export function validateStartRun(
  input: StartRunInput,
  catalog: Catalog,
): Omit<RunConfig, 'openbench_version'> {
  const benchmark = catalog.byName.get(input.benchmark.trim());
  if (!benchmark) {
    throw new ValidationError(
      'benchmark',
      `Unknown benchmark "${input.benchmark}": pick one from the catalog`,
    );
  }
  const model = input.model.trim();
  if (!MODEL.test(model) || model.length > 256) {
    throw new ValidationError(
      'model',
      'The model must look like provider/model, e.g. openai/gpt-4o or offline/demo',
    );
  }
  const effort = input.reasoningEffort ?? null;
  if (effort !== null && !REASONING.includes(effort as (typeof REASONING)[number])) {
    throw new ValidationError('reasoningEffort', 'reasoningEffort must be low, medium or high');
  }
  return {
    schema_version: 1,
    benchmark: benchmark.name,
    target: benchmark.path ?? benchmark.name,
    alpha: benchmark.isAlpha,
    model,
    limit: number('limit', input.limit, 1, 10_000_000, true),
    temperature: number('temperature', input.temperature, 0, 2, false),
    top_p: number('topP', input.topP, 0, 1, false),
    max_tokens: number('maxTokens', input.maxTokens, 1, 1_000_000, true),
    timeout: number('timeout', input.timeout, 1, 604_800, true),
    epochs: number('epochs', input.epochs, 1, 100, true),
    max_connections: number('maxConnections', input.maxConnections, 1, 1000, true),
    seed: number('seed', input.seed, 0, 2_147_483_647, true),
    reasoning_effort: effort as RunConfig['reasoning_effort'],
    task_args: keyValues('taskArgs', input.taskArgs),
    model_args: keyValues('modelArgs', input.modelArgs),
  };
}
