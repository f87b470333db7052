import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Keyring, KeyringError } from './keyring.js';

describe('Keyring', () => {
  const keyring = new Keyring(randomBytes(32));

  it('round-trips with a fresh nonce per value', () => {
    const a = keyring.seal('sk-secret-value', 'user1\u0000openai');
    const b = keyring.seal('sk-secret-value', 'user1\u0000openai');
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(keyring.open(a, 'user1\u0000openai')).toBe('sk-secret-value');
  });

  it('refuses other associated data (owner or provider) and tampered data', () => {
    const sealed = keyring.seal('sk-secret-value', 'user1\u0000openai');
    expect(() => keyring.open(sealed, 'user2\u0000openai')).toThrow(KeyringError);
    expect(() => keyring.open(sealed, 'user1\u0000groq')).toThrow(KeyringError);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0]! ^= 1;
    expect(() =>
      keyring.open({ ...sealed, ciphertext: bytes.toString('base64') }, 'user1\u0000openai'),
    ).toThrow(KeyringError);
    const tag = Buffer.from(sealed.tag, 'base64');
    tag[3]! ^= 0x80;
    expect(() => keyring.open({ ...sealed, tag: tag.toString('base64') }, 'user1\u0000openai')).toThrow(
      KeyringError,
    );
  });

  it('creates its key file with mode 0600 and refuses a file others can read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-keyring-'));
    const file = path.join(dir, 'master.key');
    const first = Keyring.load({ keyFile: file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Keyring.load({ keyFile: file }).currentId).toBe(first.currentId);
    fs.chmodSync(file, 0o644);
    expect(() => Keyring.load({ keyFile: file })).toThrow(/readable by others/);
    expect(() => Keyring.load({ keyFile: file, masterKey: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
