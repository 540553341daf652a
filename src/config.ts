/** Configuration is read once, from an environment given by the caller, never at import time. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionTtlHours: number;
  secureCookies: boolean;
  loadDemo: boolean;
  /** SMTP server for outgoing mail (smtp://user:pass@host:587); without it, mails are captured in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Lead times of deadline reminders, in days. */
  reminderDays: number[];
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  const ttl = Number(env.MUTUALIS_SESSION_TTL_HOURS ?? 12);
  if (!(ttl > 0)) throw new Error(`MUTUALIS_SESSION_TTL_HOURS invalide : ${env.MUTUALIS_SESSION_TTL_HOURS}`);
  const reminderDays = (env.MUTUALIS_REMINDER_DAYS ?? '30,7').split(',').map((d) => Number(d.trim()));
  if (reminderDays.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) throw new Error(`MUTUALIS_REMINDER_DAYS invalide : ${env.MUTUALIS_REMINDER_DAYS}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MUTUALIS_DATA_DIR ?? './data/pglite',
    sessionTtlHours: ttl,
    secureCookies: env.MUTUALIS_SECURE_COOKIES === 'true',
    loadDemo: env.MUTUALIS_DEMO !== 'false',
    smtpUrl: env.MUTUALIS_SMTP_URL || undefined,
    mailFrom: env.MUTUALIS_MAIL_FROM ?? 'Mutualis <ne-pas-repondre@mutualis.invalid>',
    reminderDays,
  };
}
