// Fails when the web app's message catalogs disagree (part of `npm run check`):
// - a message id of the English catalog (the source) is missing in a shipped language, or a
//   shipped language has an id English no longer has;
// - a message is not valid ICU MessageFormat, or a translation refers to other values
//   ({count}, {handle}) or other markup tags (<link>…</link>) than the English one, or a
//   plural lacks its `other` case;
// - an English id is used nowhere in the web source (a stale message). Ids are used as
//   literal strings ('rooms.title'), so a message id is never built from pieces.
// A message id used in code but missing from English is a type error (MessageId), so
// `npm run typecheck` covers that direction.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@messageformat/parser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webSrc = join(root, 'apps/web/src');
const catalogDir = join(webSrc, 'locales');
const SOURCE = 'en';
const PSEUDO = 'ar-XB';

const languagesFile = readFileSync(join(root, 'libs/contracts/src/languages.ts'), 'utf8');
const shipped = [...(languagesFile.match(/LANGUAGES = \[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
if (!shipped.includes(SOURCE)) fail([`libs/contracts/src/languages.ts: LANGUAGES must list '${SOURCE}'`]);

const problems = [];
const readCatalog = (locale) => JSON.parse(readFileSync(join(catalogDir, `${locale}.json`), 'utf8'));
const source = readCatalog(SOURCE);

/** The values, plural/select arguments and markup tags a message refers to. */
function shapeOf(locale, id, message) {
  const args = new Set();
  const tags = new Set();
  const visit = (tokens) => {
    for (const token of tokens) {
      if (token.type === 'content') for (const m of token.value.matchAll(/<\/?([A-Za-z0-9]+)\/?>/g)) tags.add(m[1]);
      if (token.type === 'argument' || token.type === 'function') args.add(token.arg);
      if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
        args.add(token.arg);
        if (!token.cases.some((c) => c.key === 'other')) problems.push(`${locale}.json "${id}": ${token.type} {${token.arg}} has no "other" case`);
        for (const c of token.cases) visit(c.tokens);
      }
    }
  };
  try {
    visit(parse(message));
  } catch (error) {
    problems.push(`${locale}.json "${id}": not valid ICU MessageFormat (${error.message})`);
  }
  return { args: [...args].sort().join(','), tags: [...tags].sort().join(',') };
}

const sourceShapes = new Map(Object.entries(source).map(([id, message]) => [id, shapeOf(SOURCE, id, message)]));
for (const [id, message] of Object.entries(source)) {
  if (typeof message !== 'string' || message.trim() === '') problems.push(`${SOURCE}.json "${id}": empty message`);
}

for (const locale of shipped.filter((l) => l !== SOURCE)) {
  const catalog = readCatalog(locale);
  for (const id of Object.keys(source)) if (!(id in catalog)) problems.push(`${locale}.json: missing "${id}"`);
  for (const [id, message] of Object.entries(catalog)) {
    if (!(id in source)) {
      problems.push(`${locale}.json: "${id}" is not in ${SOURCE}.json (stale)`);
      continue;
    }
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(`${locale}.json "${id}": empty message`);
      continue;
    }
    const shape = shapeOf(locale, id, message);
    const expected = sourceShapes.get(id);
    if (shape.args !== expected.args) problems.push(`${locale}.json "${id}": uses values {${shape.args}} but English uses {${expected.args}}`);
    if (shape.tags !== expected.tags) problems.push(`${locale}.json "${id}": uses tags <${shape.tags}> but English uses <${expected.tags}>`);
  }
}

// The pseudo-locale is generated from English at build time; its file only marks the locale.
if (Object.keys(readCatalog(PSEUDO)).length > 0) problems.push(`${PSEUDO}.json must stay {} (it is generated from ${SOURCE}.json)`);

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === catalogDir ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
const quoted = new Set();
for (const file of sourceFiles(webSrc)) {
  for (const m of readFileSync(file, 'utf8').matchAll(/(['"`])([A-Za-z0-9_.-]+)\1/g)) quoted.add(m[2]);
}
for (const id of Object.keys(source)) {
  if (!quoted.has(id)) problems.push(`${SOURCE}.json: "${id}" is used nowhere in apps/web/src (stale; remove it from every catalog)`);
}

if (problems.length > 0) fail(problems);
console.log(`check-i18n: ${Object.keys(source).length} messages, complete in ${shipped.join(', ')}`);

function fail(lines) {
  console.error(`check-i18n: ${lines.length} problem(s) in ${relative(root, catalogDir)}:`);
  for (const line of lines) console.error(`  ${line}`);
  process.exit(1);
}
