/** The fuzz suite, shard 1 of 2 (see suite.ts). */
import { fuzzShard } from './suite.js';

await fuzzShard(0, 2);
