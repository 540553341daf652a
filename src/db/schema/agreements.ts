import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, providers } from './organisations.ts';
import { bytea } from './types.ts';

/** An agreement between a provider and its members, with its legal rules as data (domain/agreements/rules.ts). */
export const agreements = pgTable(
  'agreement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    code: text('code').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    openingRecordSignedOn: date('opening_record_signed_on', { mode: 'string' }),
    expressRenewals: integer('express_renewals').notNull().default(0),
    legalityReceiptId: text('legality_receipt_id'),
    legalityTransmittedOn: date('legality_transmitted_on', { mode: 'string' }),
    legalityReceivedOn: date('legality_received_on', { mode: 'string' }),
    annexes: text('annexes').array().notNull(),
    rules: jsonb('rules').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('agreement_code_key').on(t.providerId, t.code)],
);

export const agreementParties = pgTable(
  'agreement_party',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    role: text('role').notNull(),
    signatoryName: text('signatory_name'),
    signatoryTitle: text('signatory_title'),
    deliberationOrgan: text('deliberation_organ'),
    deliberationNumber: text('deliberation_number'),
    deliberationDate: date('deliberation_date', { mode: 'string' }),
    signedOn: date('signed_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('agreement_party_key').on(t.agreementId, t.organisationId), index('agreement_party_organisation_idx').on(t.organisationId)],
);

/** A notice of exit received from a party, with what the agreement's rules made of it when recorded. */
export const exitRequests = pgTable(
  'exit_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    party: text('party').notNull(),
    /** full, or partial (some categories; seed 004 art. 13: the base is kept and an amendment records it). */
    scope: text('scope').notNull(),
    categories: text('categories').array().notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    noticeDeadline: date('notice_deadline', { mode: 'string' }).notNull(),
    late: boolean('late').notNull(),
    mayBeHeldUntil: date('may_be_held_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('exit_request_agreement_idx').on(t.agreementId)],
);

/**
 * An amendment (avenant): numbered per agreement, what it changes (domain/agreements/state-on-date.ts), and
 * the facts its status is computed from. Never deleted: a rejected or lapsed amendment stays on record.
 */
export const agreementAmendments = pgTable(
  'agreement_amendment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    changes: jsonb('changes').notNull(),
    proposedOn: date('proposed_on', { mode: 'string' }).notNull(),
    notBefore: date('not_before', { mode: 'string' }),
    rejectedOn: date('rejected_on', { mode: 'string' }),
    exitRequestId: uuid('exit_request_id').references(() => exitRequests.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('agreement_amendment_number_key').on(t.agreementId, t.number)],
);

/** One party's approval of an amendment (its deliberation). */
export const amendmentApprovals = pgTable(
  'agreement_amendment_approval',
  {
    amendmentId: uuid('amendment_id').notNull().references(() => agreementAmendments.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    deliberationNumber: text('deliberation_number'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('agreement_amendment_approval_key').on(t.amendmentId, t.organisationId)],
);

/** A renewal letter received for an agreement renewed only expressly (seed 000 art. 5). */
export const renewalLetters = pgTable(
  'agreement_renewal_letter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    renewedUntil: date('renewed_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('agreement_renewal_letter_agreement_idx').on(t.agreementId)],
);

/** A provider's own Word template for one kind of document, replacing the built-in one (templates/). */
export const documentTemplates = pgTable(
  'document_template',
  {
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('document_template_key').on(t.providerId, t.kind)],
);
