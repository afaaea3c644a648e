import { ValidateIf } from 'class-validator';

/**
 * "May be left out" — but not null. class-validator's @IsOptional also skips every check
 * for null, so `{"showPresence": null}` or `{"name": null}` passed validation and reached a
 * NOT NULL column: a 500 (found by tests/security/support/fuzz-rest-suite.ts). Use this on
 * fields that are copied into the database as given (settings, room settings, warning
 * preferences).
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
