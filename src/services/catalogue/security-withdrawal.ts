import { and, eq, inArray } from 'drizzle-orm';
import type { CatalogueDocument } from '../../contracts/catalogue.ts';
import { accounts, memberships } from '../../db/schema/index.ts';
import type { Db } from '../../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';

/** Lines that this edit withdraws for security reasons (they were not withdrawn so before). */
export function newlyWithdrawnForSecurity(before: CatalogueDocument, after: CatalogueDocument): CatalogueDocument['lines'] {
  const wasWithdrawn = new Set(before.lines.filter((l) => l.status === 'withdrawn').map((l) => l.code));
  return after.lines.filter((l) => l.status === 'withdrawn' && l.withdrawalReason === 'security' && !wasWithdrawn.has(l.code));
}

/**
 * Seed 003 art. 4.4: a service withdrawn for security reasons needs only "une simple information aux
 * membres". Every active person of every current member is told, by mail (or in the outbox).
 */
export async function notifySecurityWithdrawal(db: Db, mailer: Mailer, at: Date, provider: { id: string; name: string }, lines: CatalogueDocument['lines']): Promise<number> {
  if (!lines.length) return 0;
  const recipients = await db
    .select({ email: accounts.email })
    .from(accounts)
    .innerJoin(memberships, and(eq(memberships.memberId, accounts.organisationId), eq(memberships.providerId, provider.id), eq(memberships.status, 'member')))
    .where(and(eq(accounts.active, true), inArray(accounts.role, ['member_cli', 'member_elected', 'member_finance'])));
  const names = lines.map((l) => `- ${l.name}`).join('\n');
  for (const { email } of recipients) {
    await mailer.send(
      db,
      {
        to: email,
        kind: 'security_withdrawal',
        subject: `[Mutualis] ${provider.name} : retrait de service pour raison de sécurité`,
        text: `Bonjour,\n\n${provider.name} retire, pour des raisons de sécurité, le(s) service(s) suivant(s) de son catalogue :\n${names}\n\nCette information vous est adressée en application de la convention (retrait contraint pour raison de sécurité).`,
      },
      at,
    );
  }
  return recipients.length;
}
