import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { REPO_ROOT } from '../config/app-config.js';
import { ConfigError } from '../config/config-error.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { pendingSchemaChanges, runMigrations } from '../database/migrate.js';

const MIGRATIONS_DIR = join(REPO_ROOT, 'apps', 'api', 'src', 'database', 'migrations');

const quote = (sql: string) => `\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;

/** Writes a migration with the SQL that brings the database in line with the entities. */
export async function generateMigration(url: string, args: string[]): Promise<void> {
  const name = args[0];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new ConfigError('Give the migration a PascalCase name, e.g. AddThreads.');
  await runMigrations({ url });
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize: 1 }));
  await dataSource.initialize();
  const { up, down } = await pendingSchemaChanges(dataSource).finally(() => dataSource.destroy());
  // Queries with parameters (TypeORM's own metadata rows) would need them written out too;
  // keep schema changes plain SQL instead.
  const parameterised = up.find((q) => /\$1\b/.test(q));
  if (parameterised) throw new ConfigError(`A generated query needs parameters (${parameterised.slice(0, 60)}…); avoid TypeORM features that store metadata rows.`);
  if (up.length === 0) {
    process.stdout.write('No schema changes: entities and migrations agree.\n');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const fileBase = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
  const body = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n');
  writeFileSync(
    join(MIGRATIONS_DIR, `${fileBase}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
      `export class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
      `  async up(queryRunner: QueryRunner): Promise<void> {\n${body(up)}\n  }\n\n` +
      `  async down(queryRunner: QueryRunner): Promise<void> {\n${body(down)}\n  }\n}\n`,
  );
  const indexFile = join(MIGRATIONS_DIR, 'index.ts');
  const index = readFileSync(indexFile, 'utf8')
    .replace(/(\/\*\* Ordered list[^\n]*\n)/, `import { ${className} } from './${fileBase}.js';\n$1`)
    .replace(/= \[([^\]]*)\];/, (_, list: string) => `= [${[list.trim().replace(/,$/, ''), className].filter(Boolean).join(', ')}];`);
  writeFileSync(indexFile, index);
  process.stdout.write(`Wrote apps/api/src/database/migrations/${fileBase}.ts (${up.length} statements).\n`);
}
