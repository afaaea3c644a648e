/**
 * REST fuzzing, part 1 of 2 (every other operation): the suite is in support/fuzz-rest-suite.ts;
 * the parts are files of their own so that Jest's two workers run them side by side.
 */
import { fuzzRestSuite } from './support/fuzz-rest-suite.js';

fuzzRestSuite(1, 2);
