/** The fuzz suite, shard 2 of 2 (see suite.ts). */
import { fuzzShard } from './suite.js';

await fuzzShard(1, 2);
