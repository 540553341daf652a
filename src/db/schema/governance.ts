import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { organisations, providers } from './organisations.ts';

/**
 * A committee of a provider, optionally for one agreement (seed 004 art. 4; seed 001 art. 6.3): its seat rules,
 * who sits, its rhythm and what it decides are data (domain/governance/committees.ts).
 */
export const committees = pgTable(
  'committee',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    agreementId: uuid('agreement_id').references(() => agreements.id),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    composition: jsonb('composition').notNull(),
    members: jsonb('members').notNull(),
    rhythm: jsonb('rhythm').notNull(),
    powers: text('powers').array().notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('committee_code_key').on(t.providerId, t.code)],
);

/** A meeting: agenda, attendance and minutes; final minutes are never changed (domain/governance/meetings.ts). */
export const committeeMeetings = pgTable(
  'committee_meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    place: text('place'),
    agenda: jsonb('agenda').notNull(),
    attendance: jsonb('attendance').notNull(),
    minutes: text('minutes'),
    finalisedOn: date('finalised_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('committee_meeting_committee_idx').on(t.committeeId, t.scheduledOn), index('committee_meeting_provider_idx').on(t.providerId, t.scheduledOn)],
);

/** A decision recorded in a meeting's minutes, with what it decided (a request, a need, a grid…). */
export const committeeDecisions = pgTable(
  'committee_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => committeeMeetings.id),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    /** The member the decision concerns, if any (a request, a need): what its people may see. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    kind: text('kind').notNull(),
    subject: jsonb('subject').notNull(),
    text: text('text').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('committee_decision_meeting_idx').on(t.meetingId), index('committee_decision_member_idx').on(t.providerId, t.organisationId)],
);

/** A member's needs register and acquisition requests (seed 004 art. 3.2, 9.2.2), with their history. */
export const memberNeeds = pgTable(
  'member_need',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    /** A need loaded from a setup file carries its code: reloading the same file changes nothing. */
    code: text('code'),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    estimatedCents: integer('estimated_cents'),
    status: text('status').notNull(),
    state: jsonb('state').notNull(),
    history: jsonb('history').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('member_need_member_idx').on(t.providerId, t.organisationId, t.year), uniqueIndex('member_need_code_key').on(t.providerId, t.code)],
);

/** The steering committee's yearly report on an agreement (seed 001 art. 6.3): editable texts, then final. */
export const annualReports = pgTable(
  'annual_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    texts: jsonb('texts').notNull(),
    /** The year's figures as frozen when the report was made final; null while a draft (computed live). */
    figures: jsonb('figures'),
    finalisedOn: date('finalised_on', { mode: 'string' }),
    finalisedBy: text('finalised_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('annual_report_year_key').on(t.agreementId, t.year)],
);
