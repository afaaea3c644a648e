import { Initial1795298697237 } from './1795298697237-initial.js';
/** Ordered list of migrations; the generator appends new ones here. */
export const MIGRATIONS: Function[] = [Initial1795298697237];
