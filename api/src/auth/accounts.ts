import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { SessionEntity, UserEntity, type Role, type SessionRow, type UserRow } from '../db/entities/User.js';
import { ValidationError } from '../errors.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { RateLimiter, type AttemptLimiter } from './rateLimit.js';

export class AuthError extends Error {}
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many login attempts; try again in ${retryAfterSeconds} s`);
  }
}

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  signupOpen: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,63}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Login attempts allowed per window: [attempts, window in ms]. */
export const LOGIN_LIMITS = {
  byUser: [5, 15 * 60_000],
  byAddress: [30, 15 * 60_000],
} as const satisfies Record<string, [number, number]>;

/** Accounts and server-side sessions (the cookie holds a random token; the database its hash). */
export class Accounts {
  private readonly users: Repository<UserRow>;
  private readonly sessions: Repository<SessionRow>;
  private readonly byUser: AttemptLimiter;
  private readonly byAddress: AttemptLimiter;

  constructor(
    dataSource: DataSource,
    private readonly policy: SessionPolicy,
    /** Shared limiters (Redis) when several API processes serve logins; in memory otherwise. */
    limiters?: { byUser: AttemptLimiter; byAddress: AttemptLimiter },
  ) {
    this.byUser = limiters?.byUser ?? new RateLimiter(...LOGIN_LIMITS.byUser);
    this.byAddress = limiters?.byAddress ?? new RateLimiter(...LOGIN_LIMITS.byAddress);
    this.users = dataSource.getRepository(UserEntity);
    this.sessions = dataSource.getRepository(SessionEntity);
  }

  /** Creates a user; the first user of a server becomes its admin. */
  async createUser(rawUsername: string, password: string, role?: Role): Promise<UserRow> {
    const username = rawUsername.trim().toLowerCase();
    if (!USERNAME.test(username)) {
      throw new ValidationError(
        'username',
        'Use 3 to 64 characters: letters, digits, _ . - (starting with a letter or digit)',
      );
    }
    if (password.length < 8 || password.length > 256) {
      throw new ValidationError('password', 'The password must have between 8 and 256 characters');
    }
    if (await this.users.findOneBy({ username }))
      throw new ValidationError('username', 'This user name is taken');
    const user: UserRow = {
      id: randomUUID(),
      username,
      passwordHash: await hashPassword(password),
      role: role ?? ((await this.users.count()) === 0 ? 'admin' : 'user'),
      createdAt: new Date().toISOString(),
    };
    await this.users.insert(user);
    return user;
  }

  async signUp(username: string, password: string): Promise<{ user: UserRow; token: string }> {
    if (!this.policy.signupOpen)
      throw new AuthError('Sign-up is closed on this server; ask an admin for an account');
    const user = await this.createUser(username, password);
    return { user, token: await this.openSession(user.id) };
  }

  /** Checks the password (rate limited per user name and per address) and opens a new session. */
  async logIn(
    rawUsername: string,
    password: string,
    address: string,
  ): Promise<{ user: UserRow; token: string }> {
    const username = rawUsername.trim().toLowerCase();
    const wait = (await this.byUser.hit(`u:${username}`)) ?? (await this.byAddress.hit(`a:${address}`));
    if (wait !== null) throw new RateLimitedError(wait);
    const user = await this.users.findOneBy({ username });
    // An unknown user costs the same hashing time as a wrong password.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok) throw new AuthError('Wrong user name or password');
    await this.byUser.reset(`u:${username}`);
    if (needsRehash(user.passwordHash))
      await this.users.update({ id: user.id }, { passwordHash: await hashPassword(password) });
    return { user, token: await this.openSession(user.id) };
  }

  /** A fresh random token for every login, so a session id can never be fixed in advance. */
  private async openSession(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.policy.absoluteMs).toISOString(),
    });
    return token;
  }

  /** The user of a session token, or null when unknown or expired (idle or absolute). */
  async resolve(token: string | undefined): Promise<{ user: UserRow; tokenHash: string } | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const session = await this.sessions.findOneBy({ tokenHash });
    if (!session) return null;
    const now = Date.now();
    if (now > Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) > this.policy.idleMs) {
      await this.sessions.delete({ tokenHash });
      return null;
    }
    const user = await this.users.findOneBy({ id: session.userId });
    if (!user) return null;
    // Touch at most once a minute: a write per request would be wasted.
    if (now - Date.parse(session.lastSeenAt) > 60_000) {
      await this.sessions.update({ tokenHash }, { lastSeenAt: new Date(now).toISOString() });
    }
    return { user, tokenHash };
  }

  async logOut(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  get sessionMaxAgeSeconds(): number {
    return Math.floor(this.policy.absoluteMs / 1000);
  }
}
