import { EntitySchema } from 'typeorm';

export type Role = 'user' | 'admin';

export interface UserRow {
  id: string;
  /** Lower-cased, unique. */
  username: string;
  passwordHash: string;
  role: Role;
  createdAt: string;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    username: { type: 'varchar', length: 64, unique: true },
    passwordHash: { type: 'varchar', length: 256 },
    role: { type: 'varchar', length: 16 },
    createdAt: { type: 'varchar', length: 32 },
  },
});

/** A login session. Only a hash of the cookie's token is stored, so a database leak logs no one in. */
export interface SessionRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  /** Absolute expiry, whatever the activity. */
  expiresAt: string;
}

export const SessionEntity = new EntitySchema<SessionRow>({
  name: 'Session',
  tableName: 'sessions',
  columns: {
    tokenHash: { type: 'varchar', length: 64, primary: true },
    userId: { type: 'varchar', length: 36 },
    createdAt: { type: 'varchar', length: 32 },
    lastSeenAt: { type: 'varchar', length: 32 },
    expiresAt: { type: 'varchar', length: 32 },
  },
  indices: [{ name: 'IDX_sessions_user', columns: ['userId'] }],
});

/** A provider API key, AES-256-GCM encrypted; the value itself is never stored in clear. */
export interface ProviderKeyRow {
  userId: string;
  provider: string;
  ciphertext: string;
  nonce: string;
  tag: string;
  /** Which master key encrypted it, so keys can rotate. */
  keyId: string;
  last4: string;
  updatedAt: string;
}

export const ProviderKeyEntity = new EntitySchema<ProviderKeyRow>({
  name: 'ProviderKey',
  tableName: 'provider_keys',
  columns: {
    userId: { type: 'varchar', length: 36, primary: true },
    provider: { type: 'varchar', length: 64, primary: true },
    ciphertext: { type: 'text' },
    nonce: { type: 'varchar', length: 32 },
    tag: { type: 'varchar', length: 32 },
    keyId: { type: 'varchar', length: 16 },
    last4: { type: 'varchar', length: 4 },
    updatedAt: { type: 'varchar', length: 32 },
  },
});
