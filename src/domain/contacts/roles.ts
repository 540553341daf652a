/**
 * Roles a member's people hold. The CLI is the provider's single point of contact: seed 004 art. 3.1
 * requires each member to name one ("Désigner obligatoirement un Correspondant Local Informatique").
 */
export const CONTACT_ROLES = {
  cli: 'Correspondant local informatique (CLI)',
  technical: 'Contact technique',
  business_lead: 'Chef de projet métier',
  dpo: 'Délégué à la protection des données (DPO)',
  elected: 'Élu',
  dgs: 'Directeur général des services (DGS)',
  finance: 'Finances',
} as const;

export type ContactRole = keyof typeof CONTACT_ROLES;
export const CONTACT_ROLE_VALUES = Object.keys(CONTACT_ROLES) as [ContactRole, ...ContactRole[]];

export interface ContactRoleHolder {
  id: string;
  active: boolean;
  roles: readonly ContactRole[];
}

/**
 * Returns the error that giving `candidate` its roles would cause among the organisation's other
 * contacts, or null. Only one active CLI per organisation: naming a second one must first end the first.
 */
export function cliConflict(candidate: ContactRoleHolder, others: readonly ContactRoleHolder[]): string | null {
  if (!candidate.active || !candidate.roles.includes('cli')) return null;
  const current = others.find((c) => c.id !== candidate.id && c.active && c.roles.includes('cli'));
  return current ? "cette organisation a déjà un CLI actif : retirez-lui d'abord ce rôle" : null;
}
