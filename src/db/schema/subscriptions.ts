import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { organisations, providers } from './organisations.ts';

/** The lines a member's deliberation lets its representative open (seed 004 annex 6). The latest one applies; older ones stay. */
export const authorisedPerimeters = pgTable(
  'authorised_perimeter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    lines: text('lines').array().notNull(),
    representative: text('representative'),
    deliberationOrgan: text('deliberation_organ').notNull(),
    deliberationNumber: text('deliberation_number'),
    deliberationDate: date('deliberation_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('authorised_perimeter_member_idx').on(t.providerId, t.organisationId, t.deliberationDate)],
);

/** A subscription request (seed 004 annex 7): who asked, when, under which agreement; its lines follow. */
export const subscriptionRequests = pgTable(
  'subscription_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    /** A request loaded from a setup file carries its code: reloading the same file changes nothing. */
    code: text('code'),
    /** The setup-file entry as loaded, to tell an identical reload from a conflicting one. */
    source: jsonb('source'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Seed 004 art. 10.1.3: the membership base is billed from this date, before the opening. */
    baseBillableFrom: date('base_billable_from', { mode: 'string' }),
    submittedBy: text('submitted_by').notNull(),
    /** Warnings found at submission (late wish, population), for the provider's decision. */
    warnings: jsonb('warnings').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('subscription_request_member_idx').on(t.providerId, t.organisationId), uniqueIndex('subscription_request_code_key').on(t.providerId, t.code)],
);

/** One requested service line and its current state (domain/subscriptions/workflow.ts); events keep the history. */
export const subscriptionLines = pgTable(
  'subscription_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => subscriptionRequests.id),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    line: text('line').notNull(),
    options: jsonb('options').notNull(),
    /** Canonical options (`optionsKey`): how snapshots and prices name the same combination. */
    optionsKey: text('options_key').notNull(),
    quantity: integer('quantity').notNull(),
    wishedOn: date('wished_on', { mode: 'string' }).notNull(),
    state: jsonb('state').notNull(),
    status: text('status').notNull(),
    /** Copied from the state for set-based checks: the month of a snapshot must fall between them. */
    openedOn: date('opened_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    openingRecord: text('opening_record'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    index('subscription_line_member_idx').on(t.providerId, t.organisationId, t.status),
    index('subscription_line_request_idx').on(t.requestId),
    index('subscription_line_service_idx').on(t.providerId, t.line, t.optionsKey),
  ],
);

/** Every event applied to a line, in order: the line's state on any date is replayed from these. */
export const subscriptionLineEvents = pgTable(
  'subscription_line_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id').notNull().references(() => subscriptionLines.id),
    sequence: integer('sequence').notNull(),
    event: jsonb('event').notNull(),
    note: text('note'),
    actorLabel: text('actor_label').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('subscription_line_event_key').on(t.lineId, t.sequence)],
);

/**
 * The technical prerequisites of the requested lines (catalogue, seed 004 annex 3) as checked for this
 * request: declared by the member, verified by the provider's audit. One row per (request, line, item).
 */
export const prerequisiteChecks = pgTable(
  'prerequisite_check',
  {
    requestId: uuid('request_id').notNull().references(() => subscriptionRequests.id),
    line: text('line').notNull(),
    item: text('item').notNull(),
    met: boolean('met').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    checkedBy: text('checked_by').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('prerequisite_check_key').on(t.requestId, t.line, t.item)],
);

/** Volume from a date (workstations, mailboxes…): the basis of monthly snapshots and bills. */
export const subscriptionQuantities = pgTable(
  'subscription_quantity',
  {
    lineId: uuid('line_id').notNull().references(() => subscriptionLines.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    quantity: integer('quantity').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('subscription_quantity_key').on(t.lineId, t.effectiveFrom)],
);

/**
 * Work that follows a request's study by the strategic committee (seed 004 art. 10.1.3): the member's
 * compliance plan with the prerequisites, the provider's study of the resources needed, the technical audit.
 */
export const subscriptionTasks = pgTable(
  'subscription_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => subscriptionRequests.id),
    kind: text('kind').notNull(),
    /** Who does it: the member or the provider. */
    owner: text('owner').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('subscription_task_request_idx').on(t.requestId)],
);
