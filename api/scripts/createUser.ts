// `npm run create-user -w api -- <username> [--admin]`: creates an account (for servers with
// SIGNUP=closed). The password is read from the OBW_PASSWORD variable or from standard input,
// never from the command line, where other users could see it in the process list.
import { Accounts } from '../src/auth/accounts.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/dataSource.js';

const [username, ...flags] = process.argv.slice(2);
if (!username) {
  console.error(
    'usage: npm run create-user -w api -- <username> [--admin]   (password from OBW_PASSWORD or stdin)',
  );
  process.exit(2);
}
let password = process.env.OBW_PASSWORD ?? '';
if (!password) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  password = Buffer.concat(chunks).toString('utf8').trim();
}
const config = loadConfig();
const dataSource = await openDatabase(config);
try {
  const accounts = new Accounts(dataSource, {
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
    signupOpen: true,
  });
  const user = await accounts.createUser(username, password, flags.includes('--admin') ? 'admin' : undefined);
  console.log(`created ${user.role} ${user.username}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await dataSource.destroy();
}
