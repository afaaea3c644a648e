/**
 * PostgreSQL keeps microseconds; JavaScript dates keep milliseconds. Keyset cursors carry
 * the full-precision text so rows written in the same millisecond are neither skipped nor
 * repeated across pages.
 */
export const sortKeySql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
