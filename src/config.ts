/** Configuration is read once, from an environment given by the caller, never at import time. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionTtlHours: number;
  secureCookies: boolean;
  loadDemo: boolean;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  const ttl = Number(env.MUTUALIS_SESSION_TTL_HOURS ?? 12);
  if (!(ttl > 0)) throw new Error(`MUTUALIS_SESSION_TTL_HOURS invalide : ${env.MUTUALIS_SESSION_TTL_HOURS}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MUTUALIS_DATA_DIR ?? './data/pglite',
    sessionTtlHours: ttl,
    secureCookies: env.MUTUALIS_SECURE_COOKIES === 'true',
    loadDemo: env.MUTUALIS_DEMO !== 'false',
  };
}
