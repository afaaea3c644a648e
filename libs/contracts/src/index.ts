export * from './errors.js';
export * from './roles.js';
export * from './accounts.js';
export * from './rooms.js';
export * from './threads.js';
export * from './content-warnings.js';
export * from './safety.js';
export * from './health.js';
