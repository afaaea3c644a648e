import fc from 'fast-check';
import { REACTION_KINDS } from '@kindred/contracts';
import { MAX_PAYLOAD_DEPTH } from '../../../apps/api/src/common/http/body-guard.js';
import { BAD_IDS, RAW_PATH_SEGMENTS, badCursor, deepValue, edgeNumber, edgeString, malformedBody, malformedJson, DeepJson, type Generated, type IdPool, type Schema } from './fuzz-inputs.js';
import type { Actor } from './fuzz-world.js';

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  /** Has a validated query DTO, so unknown query parameters must be refused. */
  strictQuery: boolean;
  body?: Schema;
}

/** Query DTOs @nestjs/swagger cannot see (no @ApiProperty): documented here so they are fuzzed too. */
const UNDOCUMENTED_QUERY: Record<string, { name: string; schema: Schema }[]> = {
  'GET /api/moderation/log': [
    { name: 'room', schema: { type: 'string', format: 'uuid' } },
    { name: 'moderator', schema: { type: 'string', format: 'uuid' } },
    { name: 'member', schema: { type: 'string', format: 'uuid' } },
    { name: 'action', schema: { type: 'string', maxLength: 48 } },
    { name: 'from', schema: { type: 'string', format: 'date-time' } },
    { name: 'to', schema: { type: 'string', format: 'date-time' } },
    { name: 'cursor', schema: { type: 'string', maxLength: 512 } },
  ],
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** Every operation of the OpenAPI document, with its query parameters and body schema. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const key = `${method.toUpperCase()} ${path}`;
      const documented = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } }));
      const query = [...documented, ...(UNDOCUMENTED_QUERY[key] ?? [])];
      return {
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query,
        strictQuery: query.length > 0,
        body: op.requestBody?.content?.['application/json']?.schema,
      };
    }),
  );
}

export interface Part {
  text: string;
  invalid: boolean;
  note: string;
}

export interface BodyPart {
  kind: 'json' | 'raw' | 'none';
  value?: unknown;
  raw?: string;
  contentType?: string;
  invalid: boolean;
  note: string;
}

export interface RestCase {
  op: Operation;
  actor: Actor;
  path: string;
  query: Part;
  body: BodyPart;
  invalid: boolean;
  note: string;
}

/**
 * Malformed requests for any operation: path parameters from the pool, unknown, broken or
 * not even valid UTF-8; query strings with edge values, repeats and unknown keys; bodies
 * mutated from valid ones, not JSON, of the wrong media type, or hostile structures.
 */
export function restCases(operations: Operation[], components: Record<string, Schema>, pool: IdPool): fc.Arbitrary<RestCase> {
  /** Percent-encodes the UTF-8 bytes of a path segment (encodeURIComponent throws on lone surrogates). */
  const encodeSegment = (value: string) =>
    [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

  function pathParam(name: string): fc.Arbitrary<Part> {
    const raw = fc.constantFrom(...RAW_PATH_SEGMENTS).map((text) => ({ text, invalid: true, note: `raw:${text}` }));
    const bad = fc.oneof(fc.constantFrom(...BAD_IDS.filter((b) => b !== '')), edgeString).map((v) => ({ text: encodeSegment(v), invalid: true, note: `bad:${JSON.stringify(v).slice(0, 40)}` }));
    if (name === 'type') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('post', 'thread', 'message', 'member').map((text) => ({ text, invalid: false, note: text })) }, bad, raw);
    if (name === 'kind') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REACTION_KINDS).map((text) => ({ text, invalid: false, note: text })) }, bad, raw);
    const valid = fc.constantFrom(...pool.uuids, ...(name === 'room' ? pool.slugs : [])).map((text) => ({ text, invalid: false, note: 'pool' }));
    // A well-formed id that does not exist: "not found" for most routes, a harmless no-op for some (unblock).
    const unknown = fc.uuid().map((text) => ({ text, invalid: name === 'room', note: 'unknown-uuid' }));
    return fc.oneof({ weight: 4, arbitrary: valid }, unknown, bad, raw);
  }

  function queryValue(name: string, schema: Schema): fc.Arbitrary<Part> {
    const enc = (v: string, invalid: boolean, note: string) => ({ text: `${name}=${encodeSegment(v)}`, invalid, note });
    const options: fc.Arbitrary<Part>[] = [edgeString.map((v) => enc(v, !!schema.enum || name === 'limit', `edge:${name}`))];
    if (name === 'cursor') options.push(badCursor.map((v) => enc(v, false, 'bad-cursor')));
    if (name === 'limit') options.push(edgeNumber.map((v) => enc(String(v), !(Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 100 && /^\s*-?\d+\s*$/.test(String(v))), `limit:${v}`)));
    if (name === 'from' || name === 'to') {
      options.push(fc.constantFrom('2009-W01-1', '2009-123', '20090519', '2024-02-30', '2024-02-30T25:61:00Z', 'yesterday', '+275760-09-13T00:00:00Z', '0000-01-01').map((v) => enc(v, v === 'yesterday', `date:${v}`)));
    }
    if (schema.enum) options.push(fc.string({ maxLength: 10 }).filter((v) => !schema.enum!.includes(v)).map((v) => enc(v, true, `bad-enum:${name}`)));
    if (schema.format === 'uuid' || ['room', 'moderator', 'member'].includes(name)) options.push(fc.constantFrom(...BAD_IDS).map((v) => enc(v, false, `bad-id:${name}`)));
    options.push(fc.string({ minLength: 1, maxLength: 2_000 }).map((v) => enc(v, false, `long:${name}`)));
    // The same parameter twice arrives as an array, which no query field accepts.
    options.push(fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })).map(([a, b]) => ({ text: `${name}=${encodeSegment(a)}&${name}=${encodeSegment(b)}`, invalid: true, note: `twice:${name}` })));
    return fc.oneof(...options);
  }

  function queryString(op: Operation): fc.Arbitrary<Part> {
    const params = op.query.map((q) => fc.option(queryValue(q.name, q.schema), { nil: undefined, freq: 2 }));
    const extra = fc.option(
      fc.constantFrom('isAdmin=1', 'toString=x', '__proto__=1', 'limit[a]=1', 'q[]=x', 'constructor[prototype][x]=1', '%ff=1').map((text) => ({ text, invalid: op.strictQuery, note: `extra:${text}` })),
      { nil: undefined, freq: 4 },
    );
    return fc.tuple(fc.tuple(...params), extra).map(([values, more]) => {
      const parts = [...values, more].filter((p): p is Part => !!p);
      return { text: parts.map((p) => p.text).join('&'), invalid: parts.some((p) => p.invalid), note: parts.map((p) => p.note).join(',') };
    });
  }

  function body(op: Operation): fc.Arbitrary<BodyPart> {
    if (op.method === 'GET') return fc.constant({ kind: 'none', invalid: false, note: '' });
    const broken = malformedJson.map((raw) => ({ kind: 'raw' as const, raw, contentType: 'application/json', invalid: true, note: `malformed-json:${raw.slice(0, 20)}` }));
    const wrongMedia = fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x').map((contentType) => ({
      kind: 'raw' as const,
      raw: '{"a":1}',
      contentType,
      // Fastify also parses text/plain (as a string): harmless for routes that take no body.
      invalid: contentType !== 'text/plain' || !!op.body,
      note: `content-type:${contentType}`,
    }));
    if (!op.body) {
      const junk = fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(edgeString, edgeNumber), { maxKeys: 4 }), deepValue(10_000)).map((value) => ({
        kind: 'json' as const,
        value,
        // Routes without a body ignore one, but never a hostile structure.
        // A whole body of `depth` containers: the innermost sits at depth - 1.
        invalid: value instanceof DeepJson ? value.depth > MAX_PAYLOAD_DEPTH : Object.keys(value).some((k) => k in Object.prototype),
        note: 'junk-body',
      }));
      return fc.oneof({ weight: 2, arbitrary: fc.constant({ kind: 'none' as const, invalid: false, note: 'no-body' }) }, junk, broken, wrongMedia);
    }
    const mutated = malformedBody(op.body, components, pool).map((g: Generated) => ({ kind: 'json' as const, value: g.value, invalid: g.invalid, note: g.mutations.join(',') }));
    return fc.oneof({ weight: 6, arbitrary: mutated }, broken, wrongMedia);
  }

  // One arbitrary per operation, built once: building them again for every case (fc.string
  // and friends) cost about half a millisecond of CPU per case.
  const forOperation = (op: Operation): fc.Arbitrary<RestCase> =>
    fc
      .record({
        actor: fc.constantFrom<Actor>('admin', 'admin', 'member', 'anonymous'),
        params: fc.tuple(...op.pathParams.map(pathParam)),
        query: op.query.length > 0 ? queryString(op) : fc.option(queryString(op), { nil: undefined, freq: 3 }).map((q) => q ?? { text: '', invalid: false, note: '' }),
        body: body(op),
      })
      .map(({ actor, params, query, body }) => {
        let i = 0;
        const path = op.path.replace(/\{\w+\}/g, () => params[i++]!.text);
        const invalid = params.some((p) => p.invalid) || query.invalid || body.invalid;
        return { op, actor, path, query, body, invalid, note: [...params.map((p) => p.note), query.note, body.note].filter(Boolean).join(' | ') };
      });
  const built = new Map(operations.map((op) => [op, forOperation(op)]));
  return fc.constantFrom(...operations).chain((op) => built.get(op)!);
}
