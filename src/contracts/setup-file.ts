import { z } from 'zod';
import { CONTACT_ROLE_VALUES } from '../domain/contacts/roles.ts';
import { MEMBERSHIP_STATUS_VALUES, ORGANISATION_KIND_VALUES } from '../domain/organisation/kinds.ts';
import { agreementInputSchema } from './agreements.ts';
import { catalogueDocumentSchema, eurosSchema, gridInputSchema, unitCostInputSchema } from './catalogue.ts';
import { rhythmSchema, seatRuleSchema } from './governance.ts';
import { COMMITTEE_KIND_VALUES, SEAT_ROLE_VALUES } from '../domain/governance/committees.ts';
import { NEED_KIND_VALUES } from '../domain/governance/needs.ts';
import { civilDateSchema, inseeCodeSchema, postalCodeSchema, sirenSchema, siretSchema } from './common.ts';

/**
 * A provider's whole setup in one YAML or JSON file. Organisations are named by a file-local `ref`;
 * loading matches each to the registry by SIREN, then INSEE code, then exact kind + name, so a file
 * can be loaded again (it updates) and can refer to communes already imported from the reference data.
 * Later issues add sections (catalogue, tariffs, agreements…); unknown sections are refused.
 */
const ref = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'référence attendue en minuscules, chiffres, - ou _ (ex. « ville-de-lens »)');
const text = (max: number) => z.string().trim().min(1).max(max);

const setupOrganisationSchema = z
  .object({
    ref,
    kind: z.enum(ORGANISATION_KIND_VALUES),
    name: text(200),
    siren: sirenSchema.optional(),
    siret: siretSchema.optional(),
    inseeCode: inseeCodeSchema.optional(),
    address: z
      .object({ line1: text(200), line2: text(200).optional(), postalCode: postalCodeSchema, city: text(120) })
      .strict()
      .optional(),
    population: z.number().int().min(0).optional(),
    parentEpci: ref.optional().describe("Référence de l'EPCI de rattachement, dans ce fichier"),
    representative: z.object({ name: text(200), title: text(200) }).strict().optional(),
    provider: z
      .object({ shortName: text(60) })
      .strict()
      .optional()
      .describe("Présent si l'organisation produit des services (fournisseur)"),
    note: z.string().max(2000).optional().describe("D'où viennent ces informations (article du document source…)"),
  })
  .strict();

const setupMembershipSchema = z
  .object({
    provider: ref,
    member: ref,
    status: z.enum(MEMBERSHIP_STATUS_VALUES),
    since: civilDateSchema.optional(),
    until: civilDateSchema.optional(),
  })
  .strict();

const setupContactSchema = z
  .object({
    organisation: ref,
    civility: z.enum(['M.', 'Mme']).optional(),
    firstName: text(100).optional(),
    lastName: text(100),
    jobTitle: text(200).optional(),
    email: z.email('adresse électronique invalide').optional(),
    phone: z.string().trim().regex(/^\+?[0-9 .()-]{6,20}$/, 'numéro de téléphone invalide').optional(),
    roles: z.array(z.enum(CONTACT_ROLE_VALUES)).min(1),
    active: z.boolean().optional(),
  })
  .strict();

const setupCatalogueSchema = catalogueDocumentSchema(ref).extend({
  provider: ref.describe('Référence du fournisseur dont c’est le catalogue'),
  grids: z.array(gridInputSchema).default([]).describe('Grilles tarifaires votées, par date d’effet'),
  unitCosts: z.array(unitCostInputSchema).default([]).describe('Coûts unitaires (CGCT D5211-16)'),
});
export type SetupCatalogue = z.infer<typeof setupCatalogueSchema>;

const setupAgreementSchema = agreementInputSchema(ref).extend({ provider: ref.describe('Référence du fournisseur principal (coordonnateur)') });

const setupPerimeterSchema = z
  .object({
    provider: ref,
    organisation: ref,
    lines: z.array(text(64)).min(1).describe('Lignes de service que le représentant peut ouvrir (annexe 6)'),
    representative: text(200).optional(),
    deliberation: z.object({ organ: text(200), number: text(100).optional(), date: civilDateSchema }).strict(),
  })
  .strict();

const setupEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), on: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('refuse'), on: civilDateSchema, reason: z.enum(['late', 'prerequisites', 'resources']), note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('postpone'), on: civilDateSchema, plannedFrom: civilDateSchema, plannedUntil: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('cancel'), on: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('open'), openedOn: civilDateSchema, openingRecord: text(200), note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('withdraw'), on: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
]);

const setupSubscriptionSchema = z
  .object({
    code: ref.describe('Code de la demande, unique chez le fournisseur : recharger le fichier ne la duplique pas'),
    provider: ref,
    organisation: ref,
    receivedOn: civilDateSchema,
    baseBillableFrom: civilDateSchema.optional(),
    note: z.string().max(4000).optional(),
    lines: z
      .array(
        z
          .object({
            line: text(64),
            options: z.record(z.string(), z.string()).default({}),
            quantity: z.number(),
            wishedOn: civilDateSchema,
            events: z.array(setupEventSchema).default([]).describe('Décision, ouverture par procès-verbal, retrait… dans l’ordre'),
            quantities: z.array(z.object({ effectiveFrom: civilDateSchema, quantity: z.number().int().min(0) }).strict()).default([]).describe('Volumes ultérieurs'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SetupSubscription = z.infer<typeof setupSubscriptionSchema>;

/** Seed 004 art. 4 and seed 001 art. 6.3: committees with their seats, rhythm, powers and past meetings. */
const setupCommitteeSchema = z
  .object({
    provider: ref,
    agreement: z.string().min(1).max(100).optional().describe('Code de la convention du fournisseur dont le comité assure le suivi'),
    code: ref,
    kind: z.enum(COMMITTEE_KIND_VALUES),
    name: text(200),
    composition: z.array(seatRuleSchema).default([]).describe('Qui siège : rôles, pour le fournisseur, chaque adhérent ou chaque partie'),
    members: z.array(z.object({ organisation: ref, role: z.enum(SEAT_ROLE_VALUES), name: text(200), title: text(200).optional() }).strict()).default([]),
    rhythm: rhythmSchema,
    powers: z.array(z.enum(['subscription', 'need', 'amendment', 'grid', 'catalogue', 'other'])).default([]),
    note: z.string().max(4000).optional(),
    meetings: z
      .array(
        z
          .object({
            scheduledOn: civilDateSchema,
            place: text(200).optional(),
            heldOn: civilDateSchema.optional().describe('Date de tenue ; absente, la réunion est prévue'),
            minutes: z.string().max(50_000).optional(),
            final: z.boolean().default(false).describe('Compte rendu définitif'),
            agenda: z.array(text(300)).default([]),
            decisions: z.array(z.object({ kind: z.enum(['amendment', 'catalogue', 'other']), subject: text(500), text: z.string().max(4000).default('') }).strict()).default([]),
          })
          .strict(),
      )
      .default([])
      .describe('Réunions passées ou prévues (les décisions sur les demandes se chargent avec les demandes)'),
  })
  .strict();
export type SetupCommittee = z.infer<typeof setupCommitteeSchema>;

/** Seed 004 art. 3.2: the needs recorded by a member's CLI and its acquisition requests. */
const setupNeedSchema = z
  .object({
    code: ref,
    provider: ref,
    organisation: ref,
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(NEED_KIND_VALUES),
    title: text(300),
    description: z.string().max(4000).optional(),
    estimated: eurosSchema.optional(),
    submitted: z.boolean().default(true),
  })
  .strict();
export type SetupNeed = z.infer<typeof setupNeedSchema>;
export type SetupPerimeter = z.infer<typeof setupPerimeterSchema>;

export const setupFileSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    title: text(300),
    source: z.string().max(2000).optional(),
    organisations: z.array(setupOrganisationSchema).default([]),
    memberships: z.array(setupMembershipSchema).default([]),
    contacts: z.array(setupContactSchema).default([]),
    catalogues: z.array(setupCatalogueSchema).default([]),
    agreements: z.array(setupAgreementSchema).default([]),
    perimeters: z.array(setupPerimeterSchema).default([]),
    subscriptions: z.array(setupSubscriptionSchema).default([]),
    committees: z.array(setupCommitteeSchema).default([]),
    needs: z.array(setupNeedSchema).default([]),
  })
  .strict();

export type SetupFile = z.infer<typeof setupFileSchema>;
export type SetupOrganisation = SetupFile['organisations'][number];

export const setupLoadResultSchema = z.object({
  title: z.string(),
  dryRun: z.boolean(),
  organisations: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  memberships: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  contacts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  catalogues: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  grids: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  unitCosts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  agreements: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  perimeters: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  subscriptions: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  committees: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  meetings: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  needs: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
export type SetupLoadResult = z.infer<typeof setupLoadResultSchema>;

export const setupLoadRequestSchema = z.object({
  content: z.string().min(1).max(10_000_000).describe('Contenu du fichier, en YAML ou en JSON'),
  dryRun: z.boolean().default(false),
});
