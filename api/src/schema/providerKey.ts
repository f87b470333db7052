import type { ProviderKeyInfo } from '../auth/providerKeys.js';
import { KNOWN_PROVIDERS, keyVariable } from '../auth/providers.js';
import { requireViewer } from '../auth/viewer.js';
import { ValidationError } from '../errors.js';
import { builder } from './builder.js';

const ProviderKeyType = builder.objectRef<ProviderKeyInfo & { set: boolean }>('ProviderKey').implement({
  description: 'A provider and whether the user stored a key for it. The value never leaves the server.',
  fields: (t) => ({
    provider: t.exposeString('provider'),
    variable: t.exposeString('variable', { description: 'Environment variable the runs get.' }),
    set: t.exposeBoolean('set'),
    last4: t.string({ nullable: true, resolve: (k) => (k.set ? k.last4 : null) }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => (k.set ? k.updatedAt : null) }),
  }),
});

builder.queryField('providerKeys', (t) =>
  t.field({
    type: [ProviderKeyType],
    description: 'Every known provider (and any other with a stored key), with its status.',
    resolve: async (_root, _args, ctx) => {
      const stored = await ctx.providerKeys.list(requireViewer(ctx.viewer).user.id);
      const names = [...new Set([...KNOWN_PROVIDERS, ...stored.map((k) => k.provider)])].sort();
      return names.map((provider) => {
        const key = stored.find((k) => k.provider === provider);
        return key
          ? { ...key, set: true }
          : { provider, variable: keyVariable(provider), last4: '', updatedAt: '', set: false };
      });
    },
  }),
);

builder.mutationField('setProviderKey', (t) =>
  t.field({
    type: ProviderKeyType,
    errors: { types: [ValidationError] },
    args: { provider: t.arg.string({ required: true }), value: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => ({
      ...(await ctx.providerKeys.set(requireViewer(ctx.viewer).user.id, args.provider, args.value)),
      set: true,
    }),
  }),
);

builder.mutationField('deleteProviderKey', (t) =>
  t.boolean({
    description: 'True when a key was deleted.',
    args: { provider: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.providerKeys.delete(requireViewer(ctx.viewer).user.id, args.provider),
  }),
);
