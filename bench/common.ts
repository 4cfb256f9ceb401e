// What the seed and the scenarios agree on: the bench database, the seeded credentials, and process helpers.

/** The database `bench:seed` fills and `bench` reads; its name must contain "bench" (the seed drops it). */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kabinet_bench';
}

/** Every seeded abonent's password (one argon2id hash for all: hashing 100 000 would take an hour). */
export const BENCH_PASSWORD = 'Бенч-пароль-2026';

/** The partner app the seed creates, with every read scope, for this supplier. */
export const BENCH_PARTNER_SUPPLIER = 'sankt-peterburg';
export const BENCH_PARTNER_KEY = 'kbp_bench_0000000000000000000000000000000000000000';

/** The session cookie value of seeded abonent `n` (1-based). */
export function sessionToken(n: number): string {
  return `bench-session-${String(n).padStart(8, '0')}`;
}

export function benchEmail(n: number): string {
  return `bench-${n}@bench.kabinet.localhost`;
}

/** The value after `--name` on the command line (`npm run bench:… -- --name value`), or undefined. */
export function benchOption(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}
