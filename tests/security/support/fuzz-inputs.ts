import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MAX_PAYLOAD_DEPTH } from '../../../apps/api/src/common/http/body-guard.js';

/** A JSON-schema subset: what @nestjs/swagger emits for our DTOs, and what we write for socket payloads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  pattern?: string;
  /** A known bug (reported): arrays get through this object field; the fuzzer does not count them as invalid. */
}

/** Ids that exist in the fuzz world, so generated requests get past "not found" into deeper code. */
export interface IdPool {
  uuids: string[];
  slugs: string[];
}

// Strings that break naive code: direction overrides, zero-width and joiner characters,
// BOM, NUL and other controls, lone surrogates, non-characters, line separators, combining
// marks, escapes for terminals, case-mapping oddities and astral characters.
export const UNICODE_EDGES = [
  '\u202e', '\u202d', '\u2066', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0000', '\u0007', '\u001b[2J', '\u007f',
  '\ud800', '\udfff', '\ud83d', '\uffff', '\ufffe', '\u{10ffff}', '\u0085', '\u2028', '\u2029', '\r\n', '\t', 'e\u0301\u0301\u0301',
  '\u0130', '\u00df', '\ufb03', '😀', '👩🏽‍🦰', '\u{1d54a}', '"', "'", '\\', '<', '&', '%00', '%s%n', '${', '{{', '../', '\u3000',
];

/** Ids that are not ids: empty, numbers, paths, injections, near-UUIDs, oversized. */
export const BAD_IDS = [
  '', ' ', '0', '-1', '1e309', 'null', 'undefined', 'NaN', 'true', '[]', '{}', '../../etc/passwd', "' OR '1'='1", '"; DROP TABLE users; --',
  '00000000-0000-0000-0000-00000000000', '00000000-0000-0000-0000-0000000000000', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '{00000000-0000-4000-8000-000000000000}', '00000000000040008000000000000000', '__proto__', 'constructor', 'a'.repeat(64), 'a'.repeat(199), 'a'.repeat(250),
];

/** Already percent-encoded path segments that are not valid UTF-8 or not valid escapes at all. */
export const RAW_PATH_SEGMENTS = ['%ff', '%ED%A0%80', '%', '%zz', '%00', '%C0%AF', '%2e%2e', '..%2f..%2f', '%E2%80%AE', '%F4%90%80%80'];

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Cursors a client could tamper with: not base64, not JSON, JSON of the wrong shape, impossible dates. */
export const badCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '=', '+/+/', '%00', 'A'.repeat(513), '!!!', b64('not json'), b64([]), b64(42), b64(null), b64('"string"'), b64({}), b64({ at: 1, id: 2 })),
  fc
    .record({
      at: fc.constantFrom(
        '2024-02-30T00:00:00Z', '2023-02-29T10:00:00.000000Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999999Z', '2024-01-01T24:00:00Z',
        '2024-13-01T00:00:00Z', '2024-01-01T00:00:00.1234567890Z', '1970-01-01T00:00:00Z', '2024-1-1T0:0:0Z', 'yesterday',
      ),
      id: fc.oneof(fc.uuid(), fc.constantFrom(...BAD_IDS)),
    })
    .map(b64),
  fc.string({ unit: 'binary', maxLength: 40 }).map(b64),
);

/** Strings from the edge list, mixed with random (possibly malformed UTF-16) text. */
export const edgeString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...UNICODE_EDGES), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

/** Far over any limit we set (up to 300,000 characters: over the 512 KB body limit → 413). */
export const hugeString = (maxLength = 300_000): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...[1_000, 2_001, 20_001, 100_000, 300_000].filter((n) => n <= maxLength)), fc.constantFrom('x', 'é', '\u200b', '😀', '\u0000'))
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

export const edgeNumber: fc.Arbitrary<number | string> = fc.constantFrom(
  -1, 0, -0, 0.5, 1.5, -2_147_483_649, 2_147_483_648, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324, '1', '1e3', ' 5', '0x10',
);

/** Anything that is not what the field wants. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(null, true, false, 0, -1, 1e308, '', 'text', [], [1, 2], ['a'], {}, { a: 1 }, { $ne: null });

/**
 * `[[[[…]]]]` or `{"a":{"a":…}}`, from a few levels to far deeper than any real payload. Kept
 * as JSON text (see toJsonText): serialising 10,000 levels with JSON.stringify overflows the
 * test's own stack.
 */
export class DeepJson {
  constructor(
    readonly depth: number,
    readonly arrays: boolean,
  ) {}

  /** `depth` containers nested in each other (`[[]]` is depth 2). */
  get text(): string {
    const n = this.depth - 1;
    return this.arrays ? `${'['.repeat(this.depth)}${']'.repeat(this.depth)}` : `${'{"a":'.repeat(n)}{}${'}'.repeat(n)}`;
  }

  /** The same structure as a value, for shallow depths only (socket payloads). */
  toValue(): unknown {
    let value: unknown = this.arrays ? [] : {};
    for (let i = 1; i < this.depth; i += 1) value = this.arrays ? [value] : { a: value };
    return value;
  }

  toJSON(): string {
    return `${DEEP_MARK}${this.depth}:${this.arrays ? 1 : 0}${DEEP_MARK}`;
  }
}
const DEEP_MARK = '__kindred_deep__';
const DEEP_PATTERN = new RegExp(`"${DEEP_MARK}(\\d+):(\\d)${DEEP_MARK}"`, 'g');

/** JSON text for a generated value, with DeepJson parts spliced in as raw text. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value === undefined ? null : value);
  return text.replace(DEEP_PATTERN, (_, depth: string, arrays: string) => new DeepJson(Number(depth), arrays === '1').text);
}

/** Socket payloads travel as values: turn DeepJson parts into real nested values. */
export function toValue(value: unknown): unknown {
  if (value instanceof DeepJson) return value.toValue();
  if (Array.isArray(value)) return value.map(toValue);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toValue(v)]));
  return value;
}

export const deepValue = (maxDepth: number): fc.Arbitrary<DeepJson> =>
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 2, max: Math.min(40, maxDepth) }), fc.constantFrom(...[100, 1_000, 10_000, Math.min(40, maxDepth)].filter((d) => d <= maxDepth))),
      fc.boolean(),
    )
    .map(([depth, arrays]) => new DeepJson(depth, arrays));

export const EXTRA_KEYS = ['isAdmin', 'role', 'id', 'authorId', 'status', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then', 'zz-extra', '', ' '];

export type Mutation =
  | 'wrong-type'
  | 'drop-required'
  | 'extra-field'
  | 'over-long'
  | 'edge-string'
  | 'number-edge'
  | 'bad-enum'
  | 'deep'
  | 'bad-id'
  | 'random-uuid';

/** Mutations that make any payload invalid: the answer must then be a refusal. */
const ALWAYS_INVALID: ReadonlySet<Mutation> = new Set(['wrong-type', 'drop-required', 'extra-field', 'over-long', 'number-edge', 'bad-enum', 'deep', 'bad-id']);

export interface Generated {
  value: unknown;
  mutations: string[];
  /** True when at least one mutation certainly breaks the contract (so 2xx would be a bug). */
  invalid: boolean;
}

export function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i += 1) s = components[s.$ref.split('/').pop()!] ?? {};
  return s;
}

/** A value the schema accepts (as far as the schema says), using real ids from the pool. */
export function validValue(schema: Schema, components: Record<string, Schema>, pool: IdPool): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.type === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    const required = new Set(s.required ?? []);
    return fc.record(
      Object.fromEntries(props.map(([k, v]) => [k, validValue(v, components, pool)])),
      { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) },
    );
  }
  if (s.type === 'array') return fc.array(validValue(s.items ?? { type: 'string' }, components, pool), { maxLength: 3 });
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'number' || s.type === 'integer') return fc.integer({ min: Math.ceil(s.minimum ?? 0), max: Math.floor(Math.min(s.maximum ?? 100, 1_000_000)) });
  if (s.format === 'uuid') return fc.constantFrom(...pool.uuids);
  if (s.format === 'client-id') return fc.uuid();
  const min = s.minLength ?? 1;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  return fc.string({ minLength: min, maxLength: max }).map((v) => (v.trim().length >= min ? v : 'x'.repeat(min) + v));
}

/** Would this value have the JSON type the schema asks for? (Then it is not a wrong-type mutation.) */
function jsonTypeFits(s: Schema, v: unknown): boolean {
  if (v === null) return !!s.nullable;
  if (s.enum) return s.enum.includes(v);
  switch (s.type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
    case 'integer':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && !Array.isArray(v);
    default:
      return true;
  }
}

/** A property-level mutation for one field of an object schema. */
function mutateField(schema: Schema, components: Record<string, Schema>, maxDepth: number, maxString: number, required: boolean): fc.Arbitrary<{ value: unknown; mutation: Mutation; invalid: boolean }> {
  const s = resolve(schema, components);
  const options: fc.Arbitrary<{ value: unknown; mutation: Mutation; invalid: boolean }>[] = [
    s.type || s.enum
      ? wrongType
          .filter((v) => !jsonTypeFits(s, v))
          // null for an optional field is read as "left out" (class-validator's IsOptional): lenient, not certainly invalid.
          .map((value) => ({ value, mutation: 'wrong-type' as const, invalid: value !== null || required }))
      : wrongType.map((value) => ({ value, mutation: 'wrong-type' as const, invalid: false })),
    deepValue(maxDepth).map((value) => ({
      value,
      mutation: 'deep' as const,
      // Inside a field, the innermost container sits at depth `depth`: the body guard refuses from MAX_PAYLOAD_DEPTH.
      invalid: !!(s.type || s.enum || s.format) || value.depth >= MAX_PAYLOAD_DEPTH,
    })),
  ];
  if (s.type === 'string' || (!s.type && !s.properties)) {
    options.push(edgeString.map((value) => ({ value, mutation: 'edge-string' as const, invalid: !!s.enum || s.format === 'uuid' })));
    if (s.maxLength !== undefined) options.push(hugeString(maxString).map((value) => ({ value, mutation: 'over-long' as const, invalid: value.length > s.maxLength! })));
    else options.push(hugeString(maxString).map((value) => ({ value, mutation: 'over-long' as const, invalid: false })));
  }
  if (s.enum) options.push(fc.string({ maxLength: 12 }).filter((v) => !s.enum!.includes(v)).map((value) => ({ value, mutation: 'bad-enum' as const, invalid: true })));
  if (s.type === 'number' || s.type === 'integer') {
    options.push(
      edgeNumber.map((value) => ({
        value,
        mutation: 'number-edge' as const,
        invalid: typeof value === 'string' || (s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum) || !Number.isInteger(value),
      })),
    );
  }
  if (s.format === 'uuid' || s.type === 'string') {
    options.push(fc.constantFrom(...BAD_IDS).map((value) => ({ value, mutation: 'bad-id' as const, invalid: s.format === 'uuid' })));
    options.push(fc.uuid().map((value) => ({ value, mutation: 'random-uuid' as const, invalid: false })));
  }
  return fc.oneof(...options);
}

/**
 * A malformed variant of a valid body: 1–3 mutations, each a wrong type, a missing required
 * field, an extra field, an over-long or unicode-edge string, an out-of-range number, a bad
 * enum value, a bad id or deeply nested JSON — or a body that is not an object at all.
 */
export function malformedBody(
  schema: Schema,
  components: Record<string, Schema>,
  pool: IdPool,
  limits: { maxDepth?: number; maxString?: number } = {},
): fc.Arbitrary<Generated> {
  const { maxDepth = 10_000, maxString = 300_000 } = limits;
  const s = resolve(schema, components);
  const props = Object.keys(s.properties ?? {});
  const required = s.required ?? [];
  const wholeBody: fc.Arbitrary<Generated> = fc.oneof(
    fc.constantFrom([], [1], 'text', 42, true).map((value) => ({ value, mutations: ['not-an-object'], invalid: required.length > 0 })),
    deepValue(maxDepth).map((value) => ({ value, mutations: ['deep-body'], invalid: true })),
  );
  const fieldMutation = fc.oneof(
    ...(props.length > 0
      ? [fc.constantFrom(...props).chain((key) => mutateField(s.properties![key]!, components, maxDepth, maxString, required.includes(key)).map((m) => ({ key, ...m })))]
      : []),
    ...(required.length > 0 ? [fc.constantFrom(...required).map((key) => ({ key, value: undefined, mutation: 'drop-required' as Mutation, invalid: true }))] : []),
    fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(wrongType, edgeString)).map(([key, value]) => ({
      key,
      value,
      mutation: 'extra-field' as Mutation,
      invalid: ALWAYS_INVALID.has('extra-field'),
    })),
  );
  const mutated: fc.Arbitrary<Generated> = fc
    .tuple(validValue(s, components, pool) as fc.Arbitrary<Record<string, unknown>>, fc.array(fieldMutation, { minLength: 1, maxLength: 3 }))
    .map(([base, mutations]) => {
      const value: Record<string, unknown> = { ...(typeof base === 'object' && base !== null ? base : {}) };
      for (const m of mutations) {
        if (m.mutation === 'drop-required') delete value[m.key];
        else value[m.key] = m.value;
      }
      // A later mutation can undo an earlier one (same key): judge by what is left.
      const invalid = mutations.some((m, i) => m.invalid && !mutations.slice(i + 1).some((later) => later.key === m.key));
      return { value, mutations: mutations.map((m) => `${m.mutation}:${m.key}`), invalid };
    });
  return props.length > 0 || required.length > 0 ? fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: wholeBody }) : fc.oneof(mutated, wholeBody);
}

/** A JSON text that does not parse. */
export const malformedJson = fc.constantFrom('{', '{"a":}', '{"a":1,}', "{'a':1}", '{"a":1}{"b":2}', 'undefined', 'NaN', '[' .repeat(5_000), '{"a":"\\x41"}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}');

export const newClientId = () => randomUUID();

/** A deterministic value the schema accepts (the base for the constraint sweep). */
export function baseValue(schema: Schema, components: Record<string, Schema>, uuid: string): unknown {
  const s = resolve(schema, components);
  if (s.enum) return s.enum[0];
  if (s.type === 'object' || s.properties) {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, baseValue(v, components, uuid)]));
  }
  if (s.type === 'array') return [];
  if (s.type === 'boolean') return true;
  if (s.type === 'number' || s.type === 'integer') return s.minimum ?? 1;
  if (s.format === 'uuid') return uuid;
  if (s.format === 'client-id') return 'client-0001';
  return 'a'.repeat(Math.min(Math.max(s.minLength ?? 0, 6), s.maxLength ?? 6));
}

export interface Violation {
  field: string;
  kind: string;
  body: Record<string, unknown>;
}

/**
 * One body per documented constraint, each breaking exactly that constraint on a top-level
 * field: missing required, wrong type, too long, too short, pattern, enum, format, range.
 */
export function constraintViolations(schema: Schema, components: Record<string, Schema>, uuid: string): Violation[] {
  const s = resolve(schema, components);
  const base = baseValue(s, components, uuid) as Record<string, unknown>;
  const out: Violation[] = [];
  const withField = (field: string, kind: string, value: unknown) => out.push({ field, kind, body: { ...base, [field]: value } });
  for (const field of s.required ?? []) {
    const body = { ...base };
    delete body[field];
    out.push({ field, kind: 'missing', body });
  }
  for (const [field, raw] of Object.entries(s.properties ?? {})) {
    const p = resolve(raw, components);
    if (p.enum) withField(field, 'enum', 'not-a-valid-choice');
    else if (p.type === 'string') {
      withField(field, 'type', 12_345);
      if (p.maxLength !== undefined) withField(field, 'maxLength', 'x'.repeat(p.maxLength + 1));
      if ((p.minLength ?? 0) > 0) withField(field, 'minLength', 'x'.repeat(p.minLength! - 1));
      if (p.pattern) withField(field, 'pattern', '!! not this !!');
      if (p.format === 'uuid') withField(field, 'format', 'not-a-uuid');
    } else if (p.type === 'number' || p.type === 'integer') {
      withField(field, 'type', 'twelve');
      if (p.minimum !== undefined) withField(field, 'minimum', p.minimum - 1);
      if (p.maximum !== undefined) withField(field, 'maximum', p.maximum + 1);
    } else if (p.type === 'boolean') withField(field, 'type', 'yes');
    else if (p.type === 'array') withField(field, 'type', 'not-a-list');
    else if (p.type === 'object' || p.properties) withField(field, 'type', 'not-an-object');
  }
  return out;
}
