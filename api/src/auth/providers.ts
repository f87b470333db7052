/**
 * Environment variables each provider reads its key from (openbench-facts §6). Providers not
 * listed here get `<NAME>_API_KEY`; the ones in KEYLESS need none.
 */
const SPECIAL: Record<string, string> = {
  huggingface: 'HF_TOKEN',
  hf: 'HF_TOKEN',
};

/** Providers that run without a key: local models, mocks and the shipped offline eval's model. */
export const KEYLESS = new Set([
  'mockllm',
  'offline',
  'ollama',
  'vllm',
  'sglang',
  'llama-cpp-python',
  'transformers',
  'none',
]);

/** Providers the UI offers in Settings (any other `[a-z0-9-]` name is accepted too). */
export const KNOWN_PROVIDERS = [
  'openai',
  'anthropic',
  'google',
  'groq',
  'together',
  'openrouter',
  'mistral',
  'grok',
  'fireworks',
  'perplexity',
  'sambanova',
  'cerebras',
  'deepinfra',
  'cohere',
  'nebius',
  'hyperbolic',
  'huggingface',
  'azureai',
];

export const PROVIDER_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;

export function keyVariable(provider: string): string {
  return SPECIAL[provider] ?? `${provider.toUpperCase().replaceAll('-', '_')}_API_KEY`;
}

/** The provider part of `provider/model`. */
export function providerOf(model: string): string {
  return model.split('/')[0]!.toLowerCase();
}

export function needsKey(provider: string): boolean {
  return !KEYLESS.has(provider);
}
