import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../domain/access/roles.ts';

/**
 * THE place where data isolation is enforced. Every repository query over data that belongs to an
 * organisation filters it through this predicate, given the column that holds the organisation id.
 * - platform staff: everything;
 * - provider staff: the provider itself and every organisation linked to it by a membership;
 * - a member's people: their own organisation only.
 */
export function visibleTo(scope: Scope, organisationColumn: AnyPgColumn | SQL): SQL {
  switch (scope.kind) {
    case 'platform':
      return sql`true`;
    case 'member':
      return sql`${organisationColumn} = ${scope.organisationId}`;
    case 'provider':
      return sql`(${organisationColumn} = ${scope.providerId} OR ${organisationColumn} IN (SELECT m.member_id FROM membership m WHERE m.provider_id = ${scope.providerId}))`;
  }
}

/** Providers an account may act for: all for the platform, its own for provider staff, none for members. */
export function visibleProviders(scope: Scope, providerColumn: AnyPgColumn | SQL): SQL {
  switch (scope.kind) {
    case 'platform':
      return sql`true`;
    case 'provider':
      return sql`${providerColumn} = ${scope.providerId}`;
    case 'member':
      return sql`${providerColumn} IN (SELECT m.provider_id FROM membership m WHERE m.member_id = ${scope.organisationId})`;
  }
}

/**
 * Agreements an account may see: all for the platform; for provider staff, those their provider is a
 * party to; for a member's people, those their organisation is a party to. (Being linked to a provider
 * does not open that provider's agreements with other members.)
 */
export function agreementVisibleTo(scope: Scope, agreementIdColumn: AnyPgColumn | SQL): SQL {
  switch (scope.kind) {
    case 'platform':
      return sql`true`;
    case 'provider':
      return sql`EXISTS (SELECT 1 FROM agreement_party ap WHERE ap.agreement_id = ${agreementIdColumn} AND ap.organisation_id = ${scope.providerId})`;
    case 'member':
      return sql`EXISTS (SELECT 1 FROM agreement_party ap WHERE ap.agreement_id = ${agreementIdColumn} AND ap.organisation_id = ${scope.organisationId})`;
  }
}

/**
 * Rows that belong to one provider–member pair (subscriptions): the member sees its own, whichever provider;
 * provider staff see only their own provider's rows, even for a member shared with another provider.
 */
export function providerMemberVisibleTo(scope: Scope, providerColumn: AnyPgColumn | SQL, organisationColumn: AnyPgColumn | SQL): SQL {
  switch (scope.kind) {
    case 'platform':
      return sql`true`;
    case 'member':
      return sql`${organisationColumn} = ${scope.organisationId}`;
    case 'provider':
      return sql`${providerColumn} = ${scope.providerId}`;
  }
}
