// `npm run rotate-master-key -w api`: re-encrypts every stored provider key under a new master
// key. The old key file is kept as `<file>.old-<id>` (still loaded for decryption) until every
// row uses the new key; with MASTER_KEY in the environment, set MASTER_KEY to the printed new
// key and move the old value to a `.old-` file instead.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Keyring } from '../src/auth/keyring.js';
import { ProviderKeys } from '../src/auth/providerKeys.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/dataSource.js';

export async function rotateMasterKey(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ oldId: string; newId: string; changed: number }> {
  const config = loadConfig(env);
  if (config.masterKey)
    throw new Error('MASTER_KEY is set: rotate by hand (see the comment at the top of this script)');
  const file = config.masterKeyFile;
  const old = Keyring.load({ keyFile: file });
  const oldText = fs.readFileSync(file, 'utf8');
  // 1. Keep the old key beside the new one, so a crash at any point leaves every row readable.
  fs.writeFileSync(`${file}.old-${old.currentId}`, oldText, { mode: 0o600 });
  const fresh = randomBytes(32).toString('base64') + '\n';
  fs.writeFileSync(`${file}.new`, fresh, { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
  // 2. Re-encrypt every row under the new key.
  const keyring = Keyring.load({ keyFile: file });
  const dataSource = await openDatabase(config);
  try {
    const changed = await new ProviderKeys(dataSource, keyring).reencryptAll();
    // 3. No row needs the old key any more.
    fs.rmSync(`${file}.old-${old.currentId}`);
    return { oldId: old.currentId, newId: keyring.currentId, changed };
  } finally {
    await dataSource.destroy();
  }
}

if (process.argv[1]?.endsWith('rotateMasterKey.ts')) {
  const result = await rotateMasterKey();
  console.log(`re-encrypted ${result.changed} provider keys: master key ${result.oldId} → ${result.newId}`);
}
