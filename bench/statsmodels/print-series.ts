/** Prints the Holt-Winters benchmark series as JSON, for bench/statsmodels/holt-winters.py. */
import { holtWintersSeries } from './series.js';

console.log(JSON.stringify(holtWintersSeries()));
