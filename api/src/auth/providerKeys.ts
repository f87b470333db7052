import type { DataSource, Repository } from 'typeorm';
import { ProviderKeyEntity, type ProviderKeyRow } from '../db/entities/User.js';
import { ValidationError } from '../errors.js';
import type { Keyring } from './keyring.js';
import { keyVariable, PROVIDER_NAME } from './providers.js';

export interface ProviderKeyInfo {
  provider: string;
  variable: string;
  last4: string;
  updatedAt: string;
}

const associated = (userId: string, provider: string) => `${userId}\u0000${provider}`;

/** Each user's provider keys, encrypted at rest; values go only into that user's runs. */
export class ProviderKeys {
  private readonly repo: Repository<ProviderKeyRow>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keyring: Keyring,
  ) {
    this.repo = dataSource.getRepository(ProviderKeyEntity);
  }

  async set(userId: string, provider: string, value: string): Promise<ProviderKeyInfo> {
    const name = provider.trim().toLowerCase();
    if (!PROVIDER_NAME.test(name))
      throw new ValidationError('provider', 'A provider is a name like openai or groq');
    const secret = value.trim();
    if (secret.length < 8 || secret.length > 4096 || /\s/.test(secret)) {
      throw new ValidationError('value', 'A key has 8 to 4096 characters and no spaces');
    }
    const row: ProviderKeyRow = {
      userId,
      provider: name,
      ...this.keyring.seal(secret, associated(userId, name)),
      last4: secret.slice(-4),
      updatedAt: new Date().toISOString(),
    };
    await this.repo.save(row);
    return { provider: name, variable: keyVariable(name), last4: row.last4, updatedAt: row.updatedAt };
  }

  async delete(userId: string, provider: string): Promise<boolean> {
    const result = await this.repo.delete({ userId, provider: provider.trim().toLowerCase() });
    return (result.affected ?? 0) > 0;
  }

  async list(userId: string): Promise<ProviderKeyInfo[]> {
    const rows = await this.repo.find({ where: { userId }, order: { provider: 'ASC' } });
    return rows.map((r) => ({
      provider: r.provider,
      variable: keyVariable(r.provider),
      last4: r.last4,
      updatedAt: r.updatedAt,
    }));
  }

  async has(userId: string, provider: string): Promise<boolean> {
    return (await this.repo.countBy({ userId, provider })) > 0;
  }

  /** The environment a run of this user's needs for `provider`: {} when there is no key. */
  async environment(userId: string, provider: string): Promise<Record<string, string>> {
    const row = await this.repo.findOneBy({ userId, provider });
    if (!row) return {};
    return { [keyVariable(provider)]: this.keyring.open(row, associated(userId, provider)) };
  }

  /** Re-encrypts every key under the keyring's current master key; returns how many changed. */
  async reencryptAll(): Promise<number> {
    let changed = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const row of await manager.find(ProviderKeyEntity)) {
        if (row.keyId === this.keyring.currentId) continue;
        const value = this.keyring.open(row, associated(row.userId, row.provider));
        await manager.save(ProviderKeyEntity, {
          ...row,
          ...this.keyring.seal(value, associated(row.userId, row.provider)),
        });
        changed++;
      }
    });
    return changed;
  }
}
