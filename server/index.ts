/**
 * Entry point: config → store → app → listen. On SIGTERM/SIGINT it stops accepting, lets the
 * requests in flight finish (up to DRAIN_MS), then closes the store and exits.
 */
import { loadConfig } from './config.js';
import { createApp } from './app.js';
import { openConfiguredStore } from './store/create.js';
import { DomainError } from './domain/errors.js';
import { drain, trackInFlight } from './http/drain.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  let inFlight = { count: 0 };
  const { app, stop, service } = await createApp({ store, config, inFlight: () => inFlight.count });
  // the explorer's opening layout, computed before the first page asks for it (a store not reachable
  // yet: the first page computes it)
  await service.overview().then(
    (o) => console.log(`opening view laid out in ${Math.round(o.layoutMs)} ms (${o.nodes.length} actors${o.bounded ? `, the best-connected of ${o.totalActors}` : ''})`),
    (e: unknown) => console.log(`opening view not laid out yet: ${(e as Error).message}`),
  );
  const server = app.listen(config.port, config.host, () => {
    const where = `Nexus Explorer on http://localhost:${config.port}`;
    void store.counts().then(
      (c) => console.log(`${where} (${store.kind} store: ${c.actors} actors, ${c.relationships} relationships) ready in ${Date.now() - started} ms`),
      (e: unknown) => console.log(`${where} (${store.kind} store not ready: ${(e as Error).message}) ready in ${Date.now() - started} ms`),
    );
  });
  inFlight = trackInFlight(server);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing: no new connections; ${inFlight.count} request(s) in flight get up to ${config.drainMs} ms`);
    const { drained, cut } = await drain(server, inFlight, config.drainMs);
    console.log(drained ? `${signal}: every request answered` : `${signal}: drain time over, ${cut} request(s) cut`);
    // The store may hang on a lost peer: closing it has a few seconds, then the process goes anyway.
    setTimeout(() => process.exit(drained ? 0 : 1), 5000).unref();
    await stop().then(() => store.close()).catch((e: unknown) => console.error('closing:', e));
    process.exit(drained ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e instanceof DomainError || (e instanceof Error && e.message.startsWith('invalid configuration')) ? e.message : e);
  process.exit(1);
});
