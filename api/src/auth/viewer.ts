import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { RunRow } from '../db/entities/Run.js';
import type { UserRow } from '../db/entities/User.js';
import type { Accounts } from './accounts.js';
import { parseCookies, SESSION_COOKIE } from './cookies.js';

/** Who is asking: the logged-in user and their session, or null. */
export interface Viewer {
  user: UserRow;
  tokenHash: string;
}

export async function viewerOf(req: IncomingMessage | undefined, accounts: Accounts): Promise<Viewer | null> {
  const token = parseCookies(req?.headers.cookie)[SESSION_COOKIE];
  return accounts.resolve(token);
}

export function clientAddress(req: IncomingMessage | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req?.headers['x-forwarded-for'] ?? '')
        .split(',')[0]!
        .trim()
    : '';
  return forwarded || req?.socket.remoteAddress || 'unknown';
}

export function isHttps(req: IncomingMessage | undefined, trustProxy: boolean): boolean {
  if (trustProxy && req?.headers['x-forwarded-proto'] === 'https') return true;
  return Boolean((req?.socket as { encrypted?: boolean } | undefined)?.encrypted);
}

/** Admins see every run; a user sees their own. Another user's run is simply not found. */
export function canSee(viewer: Viewer | null, run: Pick<RunRow, 'ownerId'>): boolean {
  return viewer !== null && (viewer.user.role === 'admin' || run.ownerId === viewer.user.id);
}

/** The owner filter for run lists: null means every run (admin). */
export function ownerScope(viewer: Viewer): string | null {
  return viewer.user.role === 'admin' ? null : viewer.user.id;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer)
    throw new GraphQLError('Log in first', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  return viewer;
}
