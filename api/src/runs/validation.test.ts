import { ValidationError } from '../errors.js';
import { mapCatalog } from '../openbench/catalog.js';
import { validateStartRun, type StartRunInput } from './validation.js';

const catalog = mapCatalog({
  benchmarks: [
    { name: 'mmlu', category: 'knowledge' },
    { name: 'risky', category: 'x', is_alpha: true },
  ],
  local_evals: [{ name: 'offline_demo', path: '/srv/evals/offline_demo' }],
});

function fieldOf(input: Partial<StartRunInput>): string | null {
  try {
    validateStartRun({ benchmark: 'mmlu', model: 'openai/gpt-4o', ...input }, catalog);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
}

describe('validateStartRun', () => {
  it('accepts a minimal valid request and fills defaults', () => {
    const config = validateStartRun({ benchmark: 'mmlu', model: 'openai/gpt-4o' }, catalog);
    expect(config).toMatchObject({
      benchmark: 'mmlu',
      target: 'mmlu',
      model: 'openai/gpt-4o',
      limit: null,
      alpha: false,
    });
  });

  it('resolves a local eval to its directory and an alpha benchmark to --alpha', () => {
    expect(validateStartRun({ benchmark: 'offline_demo', model: 'offline/demo' }, catalog).target).toBe(
      '/srv/evals/offline_demo',
    );
    expect(validateStartRun({ benchmark: 'risky', model: 'a/b' }, catalog).alpha).toBe(true);
  });

  it('never accepts a path or an unknown name as the benchmark', () => {
    expect(fieldOf({ benchmark: '/etc/passwd' })).toBe('benchmark');
    expect(fieldOf({ benchmark: '../data/evals/offline_demo' })).toBe('benchmark');
    expect(fieldOf({ benchmark: 'nope' })).toBe('benchmark');
  });

  it.each([['gpt-4o'], ['openai/'], ['/gpt'], ['openai/gpt 4o'], ['openai/$(id)'], ['openai/gpt;rm']])(
    'rejects the model %p',
    (model) => {
      expect(fieldOf({ model })).toBe('model');
    },
  );

  it.each([
    ['groq/openai/gpt-oss-20b'],
    ['openai-api/local/my-model'],
    ['offline/demo'],
    ['ollama/llama3:8b'],
  ])('accepts the model %p', (model) => {
    expect(fieldOf({ model })).toBeNull();
  });

  it.each([
    ['limit', { limit: 0 }],
    ['limit', { limit: 1.5 }],
    ['temperature', { temperature: -0.1 }],
    ['temperature', { temperature: 2.5 }],
    ['temperature', { temperature: Number.NaN }],
    ['topP', { topP: 1.1 }],
    ['maxTokens', { maxTokens: 0 }],
    ['timeout', { timeout: 0 }],
    ['epochs', { epochs: 101 }],
    ['maxConnections', { maxConnections: 0 }],
    ['seed', { seed: -1 }],
    ['reasoningEffort', { reasoningEffort: 'extreme' }],
    ['taskArgs.bad key', { taskArgs: [{ key: 'bad key', value: '1' }] }],
    [
      'taskArgs.n',
      {
        taskArgs: [
          { key: 'n', value: '1' },
          { key: 'n', value: '2' },
        ],
      },
    ],
    ['modelArgs.x', { modelArgs: [{ key: 'x', value: 'a\nb' }] }],
  ] as const)('names the field %p', (field, input) => {
    expect(fieldOf(input as Partial<StartRunInput>)).toBe(field);
  });

  it('accepts boundary values', () => {
    expect(fieldOf({ temperature: 0, topP: 1, limit: 1, epochs: 100, seed: 0 })).toBeNull();
  });
});
