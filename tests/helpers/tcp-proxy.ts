/**
 * A TCP proxy for fault tests, in front of a real server: `pass` forwards; `black-hole` accepts
 * connections and never answers (open connections stop forwarding too); `cut` drops every
 * connection and refuses new ones. Lets a test lose and regain Neo4j without stopping the one
 * that other test files share.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'black-hole' | 'cut';

export class TcpProxy {
  private mode: ProxyMode = 'pass';
  private readonly sockets = new Set<Socket>();
  private server: Server;
  /** Connections accepted since the start (a driver's connection attempts). */
  accepted = 0;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {
    this.server = this.makeServer();
  }

  static async start(target: { host: string; port: number }, mode: ProxyMode = 'pass'): Promise<TcpProxy> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new TcpProxy(port, target);
    await proxy.listen();
    await proxy.setMode(mode);
    return proxy;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  private makeServer(): Server {
    return createServer((client) => {
      this.accepted += 1;
      this.track(client);
      if (this.mode !== 'pass') {
        client.resume(); // black hole: read and drop
        return;
      }
      const upstream = connect(this.target.port, this.target.host);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async setMode(mode: ProxyMode): Promise<void> {
    const was = this.mode;
    this.mode = mode;
    if (mode === 'black-hole') {
      // Open connections go silent: nothing more is forwarded either way.
      for (const s of this.sockets) {
        s.unpipe();
        s.removeAllListeners('data');
        s.on('data', () => undefined);
      }
    }
    if (mode === 'cut' || (mode === 'pass' && was === 'black-hole')) for (const s of this.sockets) s.destroy();
    if (mode === 'cut' && this.server.listening) await new Promise((resolve) => this.server.close(resolve));
    if (mode !== 'cut' && !this.server.listening) {
      this.server = this.makeServer();
      await this.listen();
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server.listening) await new Promise((resolve) => this.server.close(resolve));
  }
}
