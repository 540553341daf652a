import { compareCivilDates, type CivilDate } from '../civil-date.ts';
import type { AmendmentParty } from './amendments.ts';
import type { AgreementRules } from './rules.ts';

/** What an amendment changes. Lists replace the previous value; parties and perimeters are added or removed. */
export interface AmendmentChanges {
  title?: string | undefined;
  annexes?: string[] | undefined;
  rules?: AgreementRules | undefined;
  addParties?: AmendmentParty[] | undefined;
  removeParties?: string[] | undefined;
  /** Categories a member no longer takes (seed 004 art. 13: partial withdrawal, the base is kept). */
  withdrawCategories?: { organisationId: string; categories: string[] }[] | undefined;
}

export interface AgreementVersion {
  title: string;
  annexes: string[];
  rules: AgreementRules;
  parties: AmendmentParty[];
}

export interface AgreementState extends AgreementVersion {
  on: CivilDate;
  parties: (AmendmentParty & { withdrawnCategories: string[] })[];
  /** Numbers of the amendments in effect on that date, in the order they were applied. */
  amendmentsApplied: number[];
  /** Parties gone by a full exit effective on or before that date. */
  partiesLeft: { organisationId: string; effectiveOn: CivilDate }[];
}

export interface DatedAmendment {
  number: number;
  /** Null while not approved (or lapsed, rejected): such an amendment never applies. */
  takesEffectOn: CivilDate | null;
  changes: AmendmentChanges;
}

export interface DatedExit {
  organisationId: string;
  scope: 'full' | 'partial';
  effectiveOn: CivilDate;
}

/**
 * The agreement as it stood on a date: the signed text, then every amendment in effect by then in the order
 * it took effect, minus the parties whose full exit had taken effect. Partial exits act through their amendment.
 */
export function agreementStateOn(base: AgreementVersion, amendments: DatedAmendment[], exits: DatedExit[], on: CivilDate): AgreementState {
  const applicable = amendments
    .filter((a): a is DatedAmendment & { takesEffectOn: CivilDate } => a.takesEffectOn !== null && compareCivilDates(a.takesEffectOn, on) <= 0)
    .sort((a, b) => compareCivilDates(a.takesEffectOn, b.takesEffectOn) || a.number - b.number);
  let title = base.title;
  let annexes = [...base.annexes];
  let rules = base.rules;
  const parties = new Map(base.parties.map((p) => [p.organisationId, { ...p, withdrawnCategories: [] as string[] }]));
  for (const { changes } of applicable) {
    title = changes.title ?? title;
    annexes = changes.annexes ? [...changes.annexes] : annexes;
    rules = changes.rules ?? rules;
    for (const added of changes.addParties ?? []) parties.set(added.organisationId, { ...added, withdrawnCategories: [] });
    for (const removed of changes.removeParties ?? []) parties.delete(removed);
    for (const { organisationId, categories } of changes.withdrawCategories ?? []) {
      const party = parties.get(organisationId);
      if (party) party.withdrawnCategories = [...new Set([...party.withdrawnCategories, ...categories])].sort();
    }
  }
  const partiesLeft = exits
    .filter((e) => e.scope === 'full' && compareCivilDates(e.effectiveOn, on) <= 0 && parties.has(e.organisationId))
    .map((e) => ({ organisationId: e.organisationId, effectiveOn: e.effectiveOn }));
  for (const gone of partiesLeft) parties.delete(gone.organisationId);
  return { on, title, annexes, rules, parties: [...parties.values()], amendmentsApplied: applicable.map((a) => a.number), partiesLeft };
}
