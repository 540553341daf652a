import { EPCI_KINDS, type OrganisationKind } from './kinds.ts';
import { siretMatchesSiren } from './identifiers.ts';

export interface OrganisationFacts {
  kind: OrganisationKind;
  siren?: string | null | undefined;
  siret?: string | null | undefined;
  inseeCode?: string | null | undefined;
  parentEpciKind?: OrganisationKind | null | undefined;
}

/** Cross-field rules of an organisation record; returns every broken rule with the field it concerns. */
export function organisationRuleIssues(facts: OrganisationFacts): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (facts.siret && !facts.siren) issues.push({ path: 'siren', message: 'le SIREN est requis quand un SIRET est donné' });
  if (facts.siret && facts.siren && !siretMatchesSiren(facts.siret, facts.siren)) {
    issues.push({ path: 'siret', message: `le SIRET doit commencer par le SIREN ${facts.siren}` });
  }
  if (facts.inseeCode && facts.kind !== 'commune') issues.push({ path: 'inseeCode', message: 'seule une commune porte un code INSEE de commune' });
  if (facts.parentEpciKind !== undefined && facts.parentEpciKind !== null && !EPCI_KINDS.includes(facts.parentEpciKind)) {
    issues.push({ path: 'parentEpciId', message: "l'EPCI de rattachement doit être une communauté ou une métropole" });
  }
  if (facts.parentEpciKind && facts.kind !== 'commune' && facts.kind !== 'etablissement_public') {
    issues.push({ path: 'parentEpciId', message: 'seules les communes et les établissements publics ont un EPCI de rattachement' });
  }
  return issues;
}
