export * from './errors.js';
export * from './roles.js';
export * from './accounts.js';
export * from './rooms.js';
export * from './content-warnings.js';
export * from './health.js';
