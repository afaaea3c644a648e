import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { Role } from '@kindred/contracts';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { runMigrations } from '../database/migrate.js';
import { createUser } from '../users/create-user.js';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Reads the password from a prompt, or the first line of piped input; never from argv. */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: false });
  if (process.stdin.isTTY) process.stdout.write('Password for the new admin (at least 10 characters): ');
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return line.replace(/\r?\n$/, '');
}

/**
 * `npm run admin:create -- --handle NAME [--generate-password]`. With --generate-password
 * a strong password is printed once; otherwise it is read from stdin. No defaults, ever.
 */
export async function adminCreate(url: string, args: string[]): Promise<void> {
  const handle = option(args, '--handle');
  if (!handle) throw new ConfigError('Usage: npm run admin:create -- --handle NAME [--generate-password]');
  const generated = args.includes('--generate-password') ? randomBytes(18).toString('base64url') : undefined;
  const password = generated ?? (await readPassword());
  if (!password) throw new ConfigError('No password given. Pipe one in, or use --generate-password.');
  await runMigrations({ url });
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const admin = await createUser(dataSource.manager, { handle, password, role: Role.Admin });
    process.stdout.write(`Created admin "${admin.handle}".\n`);
    if (generated) process.stdout.write(`Generated password (shown once, store it safely): ${generated}\n`);
  } catch (error) {
    const e = error as { message?: string; details?: { problem: string }[] };
    throw new ConfigError(`Could not create the admin: ${e.details?.map((d) => d.problem).join(' ') || e.message}`);
  } finally {
    await dataSource.destroy();
  }
}
