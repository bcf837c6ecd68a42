/**
 * Graceful shutdown of the HTTP server: stop accepting connections, let the requests in flight
 * finish (closing each keep-alive connection as soon as it is idle), and give up after the drain
 * time, cutting what is left. Resolves with how it ended.
 */
import type { Server } from 'node:http';

export interface InFlight {
  readonly count: number;
}

/** Count the requests the server is answering. */
export function trackInFlight(server: Server): InFlight {
  let count = 0;
  server.on('request', (_req, res) => {
    count += 1;
    let done = false;
    res.on('close', () => {
      if (!done) count -= 1;
      done = true;
    });
  });
  return {
    get count() {
      return count;
    },
  };
}

export function drain(server: Server, inFlight: InFlight, drainMs: number): Promise<{ drained: boolean; cut: number }> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const deadline = setTimeout(() => {
      clearInterval(idle);
      const cut = inFlight.count;
      server.closeAllConnections();
      resolve({ drained: false, cut });
    }, drainMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve({ drained: true, cut: 0 });
    });
    server.closeIdleConnections();
  });
}
