import { z } from 'zod';
import { monthDayError } from '../domain/agreements/obligations.ts';

/** An agreement's rules as they cross the wire and sit in setup files (mirror of domain/agreements/rules.ts). */
const months = z.number().int().min(0).max(240);
const monthDay = z.string().superRefine((value, ctx) => {
  const error = monthDayError(value);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});
export const text = (max: number) => z.string().trim().min(1).max(max);
const party = z.enum(['member', 'provider']);

export const agreementRulesSchema = z
  .object({
    effective: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('on_signature') }).strict(),
      z.object({ kind: z.literal('first_of_month_after_opening_record') }).strict(),
      z.object({ kind: z.literal('start_of_fiscal_year_after_signature') }).strict(),
    ]),
    duration: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('fixed'),
          months: months.min(1),
          renewal: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('none') }).strict(),
            z.object({ kind: z.literal('express'), periodMonths: months.min(1), letterMonthsBefore: months }).strict(),
            z.object({ kind: z.literal('tacit'), periodMonths: months.min(1) }).strict(),
          ]),
          lastYear: z.number().int().min(2000).max(2100).optional(),
        })
        .strict(),
      z.object({ kind: z.literal('open_ended') }).strict(),
    ]),
    exits: z.array(
      z
        .object({
          parties: z.array(party).min(1),
          anchor: z.enum(['expiry', 'anniversary', 'january_first', 'fiscal_year_end', 'after_receipt']),
          noticeMonths: months,
          late: z.enum(['next_anchor', 'may_be_held_next_period']).default('next_anchor'),
        })
        .strict(),
    ),
    breachMonthsAfterFormalNotice: months.optional(),
    subscriptions: z
      .object({ wishDeadline: monthDay.optional(), maxPopulation: z.number().int().min(1).optional(), perimeterRequired: z.boolean().optional() })
      .strict()
      .optional(),
    amendments: z
      .object({ approval: z.enum(['all_parties', 'all_members']), takesEffect: z.enum(['on_approval', 'next_expiry']), approvalWithinMonths: months.min(1).optional() })
      .strict()
      .optional(),
    reviewEveryMonths: months.min(1).optional(),
    billing: z
      .object({
        rhythm: z.enum(['annual', 'half_yearly', 'quarterly', 'per_event']),
        timing: z.enum(['advance', 'arrears']),
        continuousBasis: z.enum(['monthly_snapshots', 'subscribed_volume', 'unit_cost']),
        proration: z.enum(['twelfths', 'none']),
        partialMonthCounts: z.boolean().default(false),
        oneOffBasis: z.enum(['time_spent', 'quote']).default('quote'),
        passThrough: z.object({ provisional: z.boolean(), amounts: z.enum(['excl_vat', 'incl_vat']) }).strict().optional(),
        managementFeeBasisPoints: z.number().int().min(0).max(10_000).default(0).describe('5 % = 500'),
        due: z.union([z.object({ months: months }).strict(), z.object({ days: z.number().int().min(0).max(366) }).strict()]).optional().describe('Absent : la convention ne fixe pas de délai'),
        issueWindow: z.object({ from: monthDay, to: monthDay }).strict().optional(),
      })
      .strict()
      .optional()
      .describe('Facturation : rythme, à échoir ou à terme échu, assiette, prorata, frais de gestion, échéance, fenêtre d’émission'),
    obligations: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('yearly'), label: text(200), monthDay }).strict(),
          z.object({ kind: z.literal('yearly_window'), label: text(200), from: monthDay, to: monthDay }).strict(),
          z.object({ kind: z.literal('every_months'), label: text(200), months: months.min(1), startMonthsAfterEffective: months.optional() }).strict(),
        ]),
      )
      .default([]),
  })
  .strict();

export const AGREEMENT_TYPES = {
  service_commun: 'Service commun (CGCT L5211-4-2)',
  pooling: 'Convention de mutualisation',
  provision_between_bodies: 'Mise à disposition de services entre établissements (CGCT L5111-1-1)',
  services: 'Convention de prestations de services',
  group: 'Convention de groupement',
} as const;
export const AGREEMENT_TYPE_VALUES = Object.keys(AGREEMENT_TYPES) as [keyof typeof AGREEMENT_TYPES, ...(keyof typeof AGREEMENT_TYPES)[]];
export const PARTY_ROLES = { provider: 'Fournisseur / coordonnateur', second_provider: 'Second fournisseur', member: 'Adhérent' } as const;
export const PARTY_ROLE_VALUES = Object.keys(PARTY_ROLES) as [keyof typeof PARTY_ROLES, ...(keyof typeof PARTY_ROLES)[]];

