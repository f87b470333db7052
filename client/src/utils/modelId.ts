/**
 * Client-side check of `provider/model` so the form can answer while the user types. It mirrors
 * the API's rule (api/src/runs/validation.ts) loosely: the server stays the authority and its
 * ValidationError is shown on the field too.
 */
const MODEL = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.:@+-][A-Za-z0-9_./:@+-]*$/;

/** Returns an error message, or null when the value looks like provider/model. */
export function modelIdProblem(value: string): string | null {
  const model = value.trim();
  if (model === '') return 'Enter a model as provider/model';
  if (/\s/.test(model)) return 'A model id has no spaces';
  if (!model.includes('/')) return `Add the provider: e.g. openai/${model}`;
  if (model.startsWith('/')) return 'The provider is missing before "/"';
  if (model.endsWith('/')) return 'The model name is missing after "/"';
  if (model.length > 256 || !MODEL.test(model))
    return 'Use provider/model with letters, digits and _ . - : @ +';
  return null;
}

export interface ModelExample {
  id: string;
  hint: string;
}

/** Suggestions shown under the model field; the first two need no provider key. */
export const MODEL_EXAMPLES: ModelExample[] = [
  { id: 'offline/demo', hint: 'Offline demo model for the shipped offline_demo eval — no key needed' },
  { id: 'mockllm/model', hint: 'Always answers the same text — no key, no network' },
  { id: 'openai/gpt-4o', hint: 'Needs your OpenAI key (Settings)' },
  { id: 'groq/llama-3.1-8b-instant', hint: 'Needs your Groq key (Settings)' },
  { id: 'anthropic/claude-sonnet-4-0', hint: 'Needs your Anthropic key (Settings)' },
];
