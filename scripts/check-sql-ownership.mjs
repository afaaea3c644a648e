// Every table has one owner: the feature folder whose entity declares it (docs/architecture.md).
// This check fails when code outside the owner names the table:
//   - SQL text (any string or template literal) with FROM / JOIN / INTO / UPDATE / TABLE <table>,
//   - in a file that writes SQL, a string literal that is exactly a table name (a table picked
//     at run time: `DELETE FROM ${table}`), unless it is only compared with (`=== 'rooms'`),
//   - a value import of another folder's entity class (TypeORM repositories, query builders);
//     `import type` is fine: sharing a shape is not touching the table.
// Migrations (the schema's history) and entity files (foreign keys) are not checked. The few
// reads that join another folder's table on a measured hot path are declared in READ_JOINS
// below, with the reason; they are reads only, never writes.
// Part of `npm run check`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps/api/src');

/**
 * Declared cross-folder reads: file (relative to apps/api/src) -> tables it may read.
 * Each costs a join instead of a second round trip on a path measured in docs/benchmarks.md.
 * Keep this list short; docs/architecture.md says why each one is here.
 */
export const READ_JOINS = {
  // Every signed-in request resolves its session with the member in one prepared statement.
  'auth/session.service.ts': ['users'],
  // Every chat message row carries its author's handle: send, replay and history.
  'chat/chat-message.repository.ts': ['users'],
  // The thread list: activity, per-viewer hidden counts and handles in one statement.
  // …and a reply's followers who may still read the room, as the notices go out.
  // …and whether a reply's author follows the thread by taking part, in the statement that counts it.
  'threads/thread.repository.ts': ['posts', 'users', 'room_memberships', 'notification_settings'],
  // …whose statements are built in one file the query-plan test can explain.
  'threads/thread-list.sql.ts': ['posts', 'users'],
  // Unread and new (thread list, thread summary, room directory): posts the viewer can see
  // after their markers, and their baseline (joining) in the room, counted in the same statement.
  'threads/unread.sql.ts': ['posts', 'room_memberships'],
  // Full-text search: one keyset-paginated statement over readable rooms (query-plan test).
  'search/search.sql.ts': ['posts', 'threads', 'rooms', 'room_memberships'],
  // Thread pages: each post with its author's handle (and its reactions) in one statement.
  'posts/post-row.ts': ['users'],
  // The mention autocomplete, asked as a member types: the room's members by handle prefix, their
  // mention setting and blocks either way, in one statement.
  'mentions/mention-candidates.repository.ts': ['users', 'room_memberships', 'blocks'],
  // The gate's room.read rule as SQL, kept beside the per-room rule (used by search).
  'access/access.service.ts': ['room_memberships'],
};

/** Tables that have no entity. */
const EXTRA_OWNERS = { typeorm_migrations: 'database' };

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file) => {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0] : '(root)';
};
const rel = (file) => relative(src, file).split(sep).join('/');

export function collectOwners(files) {
  const owners = { ...EXTRA_OWNERS };
  const entityOwners = new Map();
  for (const file of files.filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(file, 'utf8');
    const match = /@Entity\(\{\s*name:\s*'([a-z_]+)'/.exec(text);
    if (!match) continue;
    owners[match[1]] = folderOf(file);
    entityOwners.set(rel(file).replace(/\.ts$/, ''), folderOf(file));
  }
  return { owners, entityOwners };
}

const COMPARISONS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `x === 'rooms'` or `case 'rooms':` compares a value; it does not name a table to query. */
const comparedOnly = (node) =>
  ts.isCaseClause(node.parent) || (ts.isBinaryExpression(node.parent) && COMPARISONS.has(node.parent.operatorToken.kind));

function literalTexts(sourceFile) {
  const out = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ text: node.text, node });
    } else if (ts.isTemplateExpression(node)) {
      // ${…} becomes a placeholder, so `FROM ${table}` is seen as SQL with an unknown table.
      const text = [node.head.text, ...node.templateSpans.map((s) => `\u0000${s.literal.text}`)].join('');
      out.push({ text, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

export function checkFiles(files, { readJoins = READ_JOINS } = {}) {
  const { owners, entityOwners } = collectOwners(walk(src));
  const tables = Object.keys(owners);
  const sqlReference = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(?:ONLY\\s+)?"?(${tables.join('|')})"?\\b`, 'g');
  const violations = [];
  for (const file of files) {
    const path = rel(file);
    if (path.startsWith('database/migrations/') || path.endsWith('.entity.ts')) continue;
    const folder = folderOf(file);
    const allowedReads = new Set(readJoins[path] ?? []);
    const text = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const report = (node, what, owner) => {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      violations.push(`apps/api/src/${path}:${line + 1}: ${what}, owned by ${owner}/`);
    };
    const literals = literalTexts(sourceFile);
    const writesSql = literals.some(({ text: t }) => /\b(SELECT|INSERT|UPDATE|DELETE)\b/.test(t));
    for (const { text: literal, node } of literals) {
      const named = new Set();
      if (writesSql && owners[literal] && !comparedOnly(node)) named.add(literal);
      for (const match of literal.matchAll(sqlReference)) named.add(match[1]);
      for (const table of named) {
        if (owners[table] === folder || allowedReads.has(table)) continue;
        report(node, `${literal === table ? 'names table' : 'SQL on table'} "${table}"`, owners[table]);
      }
    }
    for (const statement of sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      const target = statement.moduleSpecifier.text;
      if (!target.endsWith('.entity.js')) continue;
      const resolved = rel(resolve(dirname(file), target)).replace(/\.js$/, '');
      const owner = entityOwners.get(resolved);
      const bindings = statement.importClause?.namedBindings;
      const valueImport = statement.importClause?.name || (bindings && (!ts.isNamedImports(bindings) || bindings.elements.some((e) => !e.isTypeOnly)));
      if (!owner || owner === folder || !valueImport || path === 'database/entities.ts') continue;
      report(statement, `imports the entity ${resolved}`, owner);
    }
  }
  return { violations, owners };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = walk(src);
  const { violations, owners } = checkFiles(files);
  if (violations.length > 0) {
    for (const line of violations) console.error(line);
    console.error(`check-sql-ownership: ${violations.length} reference(s) to a table outside its owner folder; call the owner's repository instead (docs/architecture.md)`);
    process.exit(1);
  }
  const byOwner = {};
  for (const [table, owner] of Object.entries(owners)) (byOwner[owner] ??= []).push(table);
  console.log(
    `check-sql-ownership: ${files.length} files, ${Object.keys(owners).length} tables, each named only in its owner folder (${Object.keys(READ_JOINS).length} declared read joins)`,
  );
}
