/**
 * Entry point: config → store → app → listen. Closes cleanly on SIGTERM/SIGINT.
 */
import { loadConfig } from './config.js';
import { createApp } from './app.js';
import { openConfiguredStore } from './store/create.js';
import { DomainError } from './domain/errors.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  const { app, stop, service } = await createApp({ store, config });
  // the explorer's opening layout, computed before the first page asks for it
  const overview = await service.overview();
  console.log(`opening view laid out in ${Math.round(overview.layoutMs)} ms (${overview.nodes.length} actors${overview.bounded ? `, the best-connected of ${overview.totalActors}` : ''})`);
  const server = app.listen(config.port, config.host, () => {
    const counts = store.counts();
    void counts.then((c) =>
      console.log(
        `Nexus Explorer on http://localhost:${config.port} (${store.kind} store: ${c.actors} actors, ${c.relationships} relationships) ready in ${Date.now() - started} ms`,
      ),
    );
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    server.close(() => {
      void stop()
        .then(() => store.close())
        .then(() => process.exit(0));
    });
    server.closeAllConnections();
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e instanceof DomainError || (e instanceof Error && e.message.startsWith('invalid configuration')) ? e.message : e);
  process.exit(1);
});
