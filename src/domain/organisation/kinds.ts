/** Every kind of public body met in the seeds, with the French label the interface shows. */
export const ORGANISATION_KINDS = {
  commune: 'Commune',
  communaute_communes: 'Communauté de communes',
  communaute_agglomeration: "Communauté d'agglomération",
  communaute_urbaine: 'Communauté urbaine',
  metropole: 'Métropole',
  syndicat_mixte_ouvert: 'Syndicat mixte ouvert',
  syndicat_mixte_ferme: 'Syndicat mixte fermé',
  syndicat_intercommunal: 'Syndicat intercommunal',
  centre_de_gestion: 'Centre de gestion',
  departement: 'Département',
  region: 'Région',
  etablissement_public: 'Établissement public (office de tourisme, CCAS…)',
} as const;

export type OrganisationKind = keyof typeof ORGANISATION_KINDS;
export const ORGANISATION_KIND_VALUES = Object.keys(ORGANISATION_KINDS) as [OrganisationKind, ...OrganisationKind[]];

/** Kinds that are EPCI with their own taxation: they can be a commune's parent EPCI. */
export const EPCI_KINDS: readonly OrganisationKind[] = [
  'communaute_communes',
  'communaute_agglomeration',
  'communaute_urbaine',
  'metropole',
];

/** Maps the EPCI type codes of the INSEE/BANATIC reference data (`CC`, `CA`, `CU`, `METRO`, `MET69`). */
export function kindOfEpciType(type: string): OrganisationKind {
  switch (type) {
    case 'CC':
      return 'communaute_communes';
    case 'CA':
      return 'communaute_agglomeration';
    case 'CU':
      return 'communaute_urbaine';
    case 'METRO':
    case 'MET69':
      return 'metropole';
    default:
      throw new RangeError(`Type d'EPCI inconnu : ${type}`);
  }
}

export const MEMBERSHIP_STATUSES = {
  prospect: 'Prospect',
  member: 'Adhérent',
  former: 'Ancien adhérent',
} as const;
export type MembershipStatus = keyof typeof MEMBERSHIP_STATUSES;
export const MEMBERSHIP_STATUS_VALUES = Object.keys(MEMBERSHIP_STATUSES) as [MembershipStatus, ...MembershipStatus[]];
