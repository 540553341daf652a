import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { consumptionForecasts } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';
import type { Scope } from '../domain/access/roles.ts';

export type ForecastRow = typeof consumptionForecasts.$inferSelect;

export async function forecastsOfProvider(db: Db, providerId: string, years: number[]): Promise<ForecastRow[]> {
  if (!years.length) return [];
  return db.select().from(consumptionForecasts).where(and(eq(consumptionForecasts.providerId, providerId), sql`${consumptionForecasts.year} = ANY(${`{${years.join(',')}}`}::int[])`));
}

export async function upsertForecasts(db: Db, rows: (typeof consumptionForecasts.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(consumptionForecasts)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [consumptionForecasts.providerId, consumptionForecasts.organisationId, consumptionForecasts.line, consumptionForecasts.optionsKey, consumptionForecasts.year, consumptionForecasts.quarter],
        set: { units: sql`excluded.units`, amountCents: sql`excluded.amount_cents`, recordedAt: sql`excluded.recorded_at`, actorLabel: sql`excluded.actor_label` },
      });
  }
}

/** A member's forecasts for a year, through the provider–member scope. */
export async function memberForecasts(db: Db, scope: Scope, organisationId: string, providerId: string | null, year: number): Promise<ForecastRow[]> {
  return db
    .select()
    .from(consumptionForecasts)
    .where(
      and(
        eq(consumptionForecasts.organisationId, organisationId),
        eq(consumptionForecasts.year, year),
        providerId ? eq(consumptionForecasts.providerId, providerId) : undefined,
        providerMemberVisibleTo(scope, consumptionForecasts.providerId, consumptionForecasts.organisationId),
      ),
    )
    .orderBy(asc(consumptionForecasts.line), asc(consumptionForecasts.optionsKey), asc(consumptionForecasts.quarter));
}
