import { Transform } from 'class-transformer';

/**
 * A whole number from a query string: decimal digits only (spaces around them allowed).
 * `@Type(() => Number)` let "0x10", "0b11" and "0o20" through as numbers (JavaScript's
 * Number() reads them), so `?limit=0x10` was a page of 16 (found by the REST fuzzer). Any
 * other text is left as it is, for @IsInt to refuse.
 */
export const QueryInt = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value));
