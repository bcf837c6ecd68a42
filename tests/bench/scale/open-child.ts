/**
 * Child process of the scale bench: open the embedded store's data file as the server does at
 * start, and print the time and the process's peak RSS as JSON (run alone so RSS is the store's).
 */
import { performance } from 'node:perf_hooks';
import { EmbeddedStore } from '../../../server/store/embedded/adapter.js';

const started = performance.now();
const store = await EmbeddedStore.open({ dataFile: process.argv[2] ?? '' });
const openMs = performance.now() - started;
const counts = await store.counts();
console.log(JSON.stringify({ openMs, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), counts }));
await store.close();
