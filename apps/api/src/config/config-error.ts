/** A configuration problem the operator must fix; printed as one line, never a stack. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
