// A TCP proxy between a Kabinet under test and its PostgreSQL: cut, refused or "full" on demand, counting connections.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * `pass`: pipes to the database. `refuse`: nothing listens (ECONNREFUSED). `too-many`: answers every new connection
 * the way a full PostgreSQL does (FATAL 53300 "sorry, too many clients already").
 */
export type ProxyMode = 'pass' | 'refuse' | 'too-many';

export class TcpProxy extends EventEmitter {
  /** Connections piped to the database right now, and the most there ever were at once. */
  open = 0;
  peak = 0;
  /** Connections that arrived while the database was "full". */
  turnedAway = 0;
  /** With `pass`: connections beyond this many open at once are answered "too many clients" (a nearly full server). */
  limit: number | undefined;
  private mode: ProxyMode = 'pass';
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {
    super();
  }

  static async start(targetUrl: string): Promise<TcpProxy> {
    const url = new URL(targetUrl);
    const proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) }, 0);
    const port = await proxy.listen(0);
    Object.assign(proxy, { port });
    return proxy;
  }

  /** `databaseUrl` with its host and port replaced by the proxy's. */
  through(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Cuts every open connection and, from now on, answers new ones as `mode` says. */
  async cut(mode: Exclude<ProxyMode, 'pass'>): Promise<void> {
    this.mode = mode;
    for (const socket of [...this.sockets]) socket.destroy();
    if (mode === 'refuse') await this.stopListening();
  }

  /** Passes connections again (listening again on the same port after `refuse`). */
  async restore(): Promise<void> {
    this.mode = 'pass';
    if (!this.server) await this.listen(this.port);
  }

  async close(): Promise<void> {
    for (const socket of [...this.sockets]) socket.destroy();
    await this.stopListening();
  }

  private listen(port: number): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        resolve(address && typeof address === 'object' ? address.port : port);
      });
    });
  }

  private stopListening(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => {});
    if (this.mode === 'too-many' || (this.limit !== undefined && this.open >= this.limit)) {
      this.turnedAway++;
      this.emit('turned-away', this.turnedAway);
      // The startup message arrives first; PostgreSQL answers it with an ErrorResponse and closes.
      client.once('data', () => client.end(tooManyClients()));
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    this.sockets.add(client);
    this.sockets.add(upstream);
    this.open++;
    this.peak = Math.max(this.peak, this.open);
    let counted = true;
    const gone = () => {
      if (counted) this.open--;
      counted = false;
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', gone);
    upstream.on('close', gone);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

/** PostgreSQL's ErrorResponse for a server at max_connections. */
function tooManyClients(): Buffer {
  const field = (type: string, value: string) => Buffer.concat([Buffer.from(type), Buffer.from(value + '\0')]);
  const body = Buffer.concat([
    field('S', 'FATAL'),
    field('V', 'FATAL'),
    field('C', '53300'),
    field('M', 'sorry, too many clients already'),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}
