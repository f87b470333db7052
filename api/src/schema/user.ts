import type { UserRow } from '../db/entities/User.js';
import { AuthError, RateLimitedError } from '../auth/accounts.js';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies.js';
import { clientAddress, isHttps } from '../auth/viewer.js';
import { ValidationError } from '../errors.js';
import { builder, type Context } from './builder.js';

export const UserType = builder.objectRef<UserRow>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    role: t.string({ description: 'user or admin (admins see every run).', resolve: (u) => u.role }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => u.createdAt }),
  }),
});

const AuthSettingsType = builder.simpleObject('AuthSettings', {
  fields: (t) => ({ signupOpen: t.boolean() }),
});

function secure(ctx: Context): boolean {
  return ctx.config.cookieSecure === 'auto'
    ? isHttps(ctx.req, ctx.config.trustProxy)
    : ctx.config.cookieSecure;
}

function startSession(ctx: Context, token: string): void {
  ctx.setCookie(
    sessionCookie(token, { secure: secure(ctx), maxAgeSeconds: ctx.accounts.sessionMaxAgeSeconds }),
  );
}

builder.queryField('me', (t) =>
  t.field({
    type: UserType,
    nullable: true,
    description: 'The logged-in user, or null.',
    resolve: (_r, _a, ctx) => ctx.viewer?.user ?? null,
  }),
);

builder.queryField('authSettings', (t) =>
  t.field({ type: AuthSettingsType, resolve: (_r, _a, ctx) => ({ signupOpen: ctx.config.signupOpen }) }),
);

builder.mutationField('signUp', (t) =>
  t.field({
    type: UserType,
    description: 'Creates an account and logs it in (the first account is an admin).',
    errors: { types: [ValidationError, AuthError] },
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { user, token } = await ctx.accounts.signUp(args.username, args.password);
      startSession(ctx, token);
      return user;
    },
  }),
);

builder.mutationField('logIn', (t) =>
  t.field({
    type: UserType,
    description: 'Starts a new session (a new id every time) in an HttpOnly cookie.',
    errors: { types: [AuthError, RateLimitedError] },
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const address = clientAddress(ctx.req, ctx.config.trustProxy);
      const { user, token } = await ctx.accounts.logIn(args.username, args.password, address);
      if (ctx.viewer) await ctx.accounts.logOut(ctx.viewer.tokenHash);
      startSession(ctx, token);
      return user;
    },
  }),
);

builder.mutationField('logOut', (t) =>
  t.boolean({
    description: 'Ends the session and closes its subscriptions.',
    resolve: async (_root, _args, ctx) => {
      ctx.setCookie(clearedSessionCookie(secure(ctx)));
      if (!ctx.viewer) return false;
      await ctx.accounts.logOut(ctx.viewer.tokenHash);
      ctx.sockets.closeSession(ctx.viewer.tokenHash);
      return true;
    },
  }),
);
