/** Recognises PostgreSQL errors through Drizzle's wrapper, on both engines (same SQLSTATE codes). */
function pgErrorOf(error: unknown): { code?: string; constraint?: string; message?: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as { code: string };
    current = candidate.cause;
  }
  return null;
}

export function uniqueViolation(error: unknown): { constraint: string } | null {
  const pgError = pgErrorOf(error);
  if (pgError?.code !== '23505') return null;
  const constraint = pgError.constraint ?? /"([^"]+)"/.exec(pgError.message ?? '')?.[1] ?? '';
  return { constraint };
}
