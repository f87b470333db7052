import type { KeyValueInput, ReasoningEffort, StartRunInput } from '@/graphql/graphql';

/** The StartRunInput fields that take a number. */
export type NumberField = {
  [K in keyof StartRunInput]-?: NonNullable<StartRunInput[K]> extends number ? K : never;
}[keyof StartRunInput];

export interface NumberSpec {
  label: string;
  min: number;
  max: number;
  integer: boolean;
  hint: string;
  placeholder: string;
}

/**
 * Ranges of `bench eval`'s options as the API checks them (api/src/runs/validation.ts); repeated
 * here so the form can answer while the user types. The server's ValidationError still wins.
 */
export const NUMBER_FIELDS: Record<NumberField, NumberSpec> = {
  limit: {
    label: 'Limit',
    min: 1,
    max: 10_000_000,
    integer: true,
    hint: 'Evaluate only the first N samples',
    placeholder: 'all samples',
  },
  temperature: {
    label: 'Temperature',
    min: 0,
    max: 2,
    integer: false,
    hint: '0 – 2',
    placeholder: 'model default',
  },
  topP: { label: 'Top p', min: 0, max: 1, integer: false, hint: '0 – 1', placeholder: 'model default' },
  maxTokens: {
    label: 'Max tokens',
    min: 1,
    max: 1_000_000,
    integer: true,
    hint: 'Per model response',
    placeholder: 'model default',
  },
  timeout: {
    label: 'Timeout (s)',
    min: 1,
    max: 604_800,
    integer: true,
    hint: 'Seconds per model request',
    placeholder: '10000',
  },
  epochs: {
    label: 'Epochs',
    min: 1,
    max: 100,
    integer: true,
    hint: 'Repeat every sample N times',
    placeholder: '1',
  },
  maxConnections: {
    label: 'Max connections',
    min: 1,
    max: 1000,
    integer: true,
    hint: 'Concurrent model requests',
    placeholder: '10',
  },
  seed: {
    label: 'Seed',
    min: 0,
    max: 2_147_483_647,
    integer: true,
    hint: 'For providers that support it',
    placeholder: 'none',
  },
};

export const ADVANCED_NUMBER_FIELDS: NumberField[] = [
  'temperature',
  'topP',
  'maxTokens',
  'timeout',
  'epochs',
  'maxConnections',
  'seed',
];

/** Returns what is wrong with a number typed into a field, or null (empty means "not set"). */
export function numberProblem(spec: NumberSpec, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `${spec.label} must be a number`;
  if (spec.integer && !Number.isInteger(value)) return `${spec.label} must be a whole number`;
  if (value < spec.min || value > spec.max) {
    return `${spec.label} must be between ${spec.min.toLocaleString('en-US')} and ${spec.max.toLocaleString('en-US')}`;
  }
  return null;
}

export interface KeyValueRow {
  /** Stable identity for v-for while rows are added and removed. */
  id: number;
  key: string;
  value: string;
}

const ARG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** What is wrong with one task/model argument row, or null. Blank rows are ignored on submit. */
export function keyValueProblem(row: KeyValueRow, rows: KeyValueRow[]): string | null {
  const key = row.key.trim();
  if (key === '' && row.value.trim() === '') return null;
  if (key === '') return 'Enter a name';
  if (!ARG_KEY.test(key)) return 'Letters, digits, _ . - (not starting with a digit)';
  if (rows.some((other) => other !== row && other.key.trim() === key)) return `"${key}" is given twice`;
  if (/[\n\r]/.test(row.value)) return 'The value must be one line';
  return null;
}

export type FormValues = {
  benchmark: string | null;
  model: string;
  reasoningEffort: ReasoningEffort | null;
  taskArgs: KeyValueRow[];
  modelArgs: KeyValueRow[];
} & Record<NumberField, string>;

export function emptyForm(benchmark: string | null): FormValues {
  return {
    benchmark,
    model: '',
    limit: '',
    temperature: '',
    topP: '',
    maxTokens: '',
    timeout: '',
    epochs: '',
    maxConnections: '',
    seed: '',
    reasoningEffort: null,
    taskArgs: [],
    modelArgs: [],
  };
}

function pairs(rows: KeyValueRow[]): KeyValueInput[] | null {
  const filled = rows.filter((r) => r.key.trim() !== '');
  return filled.length > 0 ? filled.map((r) => ({ key: r.key.trim(), value: r.value })) : null;
}

/** The mutation input; empty fields are left out so bench's own defaults apply. */
export function toStartRunInput(form: FormValues): StartRunInput {
  const input: StartRunInput = { benchmark: form.benchmark ?? '', model: form.model.trim() };
  for (const field of Object.keys(NUMBER_FIELDS) as NumberField[]) {
    const text = form[field].trim();
    if (text !== '') input[field] = Number(text);
  }
  if (form.reasoningEffort) input.reasoningEffort = form.reasoningEffort;
  const taskArgs = pairs(form.taskArgs);
  if (taskArgs) input.taskArgs = taskArgs;
  const modelArgs = pairs(form.modelArgs);
  if (modelArgs) input.modelArgs = modelArgs;
  return input;
}

/** Names of the fields inside the collapsed "Advanced" panel (opened when one has an error). */
export function isAdvancedField(field: string): boolean {
  return (
    (ADVANCED_NUMBER_FIELDS as string[]).includes(field) ||
    field === 'reasoningEffort' ||
    field.startsWith('taskArgs') ||
    field.startsWith('modelArgs')
  );
}
