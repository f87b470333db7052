import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Sealed {
  ciphertext: string;
  nonce: string;
  tag: string;
  keyId: string;
}

export class KeyringError extends Error {}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function parseKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new KeyringError(`${source} must hold 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

/**
 * The master keys that encrypt provider keys (AES-256-GCM, a fresh 96-bit nonce per value, the
 * owner and provider bound as associated data). One current key encrypts; older keys, kept
 * for decryption only, let keys rotate. Keys come from the environment or key files, never
 * from the database.
 */
export class Keyring {
  private readonly keys = new Map<string, Buffer>();
  readonly currentId: string;

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.currentId = keyId(current);
    this.keys.set(this.currentId, current);
    for (const key of previous) this.keys.set(keyId(key), key);
  }

  /**
   * MASTER_KEY (base64) wins; otherwise MASTER_KEY_FILE, created with mode 0600 on first start.
   * Files named `<file>.old-<id>` beside it (left by a rotation) are loaded for decryption.
   */
  static load(options: { masterKey?: string; keyFile: string }): Keyring {
    const previous: Buffer[] = [];
    const dir = path.dirname(options.keyFile);
    const base = path.basename(options.keyFile);
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (name.startsWith(`${base}.old-`))
        previous.push(parseKey(fs.readFileSync(path.join(dir, name), 'utf8'), name));
    }
    if (options.masterKey) return new Keyring(parseKey(options.masterKey, 'MASTER_KEY'), previous);
    if (!fs.existsSync(options.keyFile)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(options.keyFile, randomBytes(32).toString('base64') + '\n', {
        mode: 0o600,
        flag: 'wx',
      });
    }
    const mode = fs.statSync(options.keyFile).mode & 0o077;
    if (mode !== 0)
      throw new KeyringError(
        `${options.keyFile} is readable by others (mode ${(mode | 0o600).toString(8)}); chmod 600 it`,
      );
    return new Keyring(parseKey(fs.readFileSync(options.keyFile, 'utf8'), options.keyFile), previous);
  }

  hasKey(id: string): boolean {
    return this.keys.has(id);
  }

  seal(plaintext: string, associatedData: string): Sealed {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, nonce);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      ciphertext: ciphertext.toString('base64'),
      nonce: nonce.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      keyId: this.currentId,
    };
  }

  /** Throws when the key is unknown, the data was tampered with, or the associated data differs. */
  open(sealed: Sealed, associatedData: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new KeyringError(`master key ${sealed.keyId} is not loaded`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new KeyringError('a provider key failed to decrypt (tampered data or wrong owner/provider)');
    }
  }
}
