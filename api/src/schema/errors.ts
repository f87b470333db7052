import { AuthError, RateLimitedError } from '../auth/accounts.js';
import { NotFoundError, ProviderKeyMissingError, RunStateError, ValidationError } from '../errors.js';
import { CatalogUnavailableError } from '../openbench/catalog.js';
import { builder } from './builder.js';

/** Every expected failure implements Error; unexpected ones are masked by Yoga. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was rejected; nothing was created or changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input field at fault.' }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ entity: t.exposeString('entity'), id: t.exposeString('id') }),
});

builder.objectType(RunStateError, {
  name: 'RunStateError',
  description: 'The operation does not apply to the run in its current status.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RunStateError,
  fields: (t) => ({ status: t.exposeString('status') }),
});

builder.objectType(CatalogUnavailableError, {
  name: 'CatalogUnavailableError',
  description: 'The benchmark catalog could not be read from the installed OpenBench.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof CatalogUnavailableError,
  fields: (t) => ({ fix: t.exposeString('fix', { description: 'What to do about it.' }) }),
});

builder.objectType(ProviderKeyMissingError, {
  name: 'ProviderKeyMissingError',
  description: 'The model’s provider needs an API key that is not stored in Settings.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProviderKeyMissingError,
  fields: (t) => ({
    provider: t.exposeString('provider'),
    variable: t.exposeString('variable', { description: 'The environment variable the run would get.' }),
  }),
});

builder.objectType(AuthError, {
  name: 'AuthError',
  description: 'Wrong credentials, or sign-up is closed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof AuthError,
  fields: () => ({}),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
