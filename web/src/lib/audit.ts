import { ACCOUNT_ROLES, type AccountRole, type AuditEvent } from '../shared.ts';
import { formatCivilDate, formatInteger, kindLabel, roleLabel, statusLabel } from './format.ts';

export const ACTION_LABELS: Record<string, string> = {
  create: 'Création',
  update: 'Modification',
  import: 'Import du référentiel',
  load: 'Chargement d’un fichier de paramétrage',
  login: 'Connexion',
  logout: 'Déconnexion',
  password_change: 'Changement de mot de passe',
};

export const ENTITY_LABELS: Record<string, string> = {
  organisation: 'Organisation',
  contact: 'Contact',
  membership: 'Lien avec un fournisseur',
  account: 'Compte',
  setup_file: 'Fichier de paramétrage',
};

export const FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  kind: 'Type',
  siren: 'SIREN',
  siret: 'SIRET',
  inseeCode: 'Code INSEE',
  departement: 'Département',
  addressLine1: 'Adresse',
  addressLine2: "Complément d'adresse",
  postalCode: 'Code postal',
  city: 'Ville',
  population: 'Population',
  parentEpciName: 'EPCI de rattachement',
  parentEpciId: 'EPCI de rattachement',
  representativeName: 'Représentant',
  representativeTitle: 'Qualité du représentant',
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  jobTitle: 'Fonction',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  roles: 'Rôles',
  active: 'Actif',
  status: 'Statut',
  since: 'Depuis le',
  until: "Jusqu'au",
  providerId: 'Fournisseur',
  displayName: 'Nom affiché',
  role: 'Rôle',
  organisationName: 'Organisation',
  title: 'Titre',
  organisations: 'Organisations',
  memberships: 'Liens avec les fournisseurs',
  contacts: 'Contacts',
  created: 'créés',
  updated: 'modifiés',
  unchanged: 'inchangés',
};

/** Technical fields that say nothing to a reader, or that another field already says better. */
const HIDDEN = new Set(['id', 'version', 'updatedAt', 'createdAt', 'organisationId', 'isProvider', 'side', 'memberId', 'memberName', 'providerName']);

export interface Change {
  field: string;
  label: string;
  before?: string;
  after?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatValue(field: string, value: unknown, names: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'kind' && typeof value === 'string') return kindLabel(value);
  if (field === 'status' && typeof value === 'string') return statusLabel(value);
  if (field === 'role' && typeof value === 'string') return ACCOUNT_ROLES[value as AccountRole] ?? value;
  if (field === 'roles' && Array.isArray(value)) return value.length ? value.map((r) => roleLabel(String(r))).join(', ') : '(aucun)';
  if ((field === 'since' || field === 'until') && typeof value === 'string') return formatCivilDate(value);
  if ((field === 'providerId' || field === 'parentEpciId') && typeof value === 'string') return names[value] ?? value;
  if (typeof value === 'number') return field === 'population' ? formatInteger(value) : String(value);
  if (Array.isArray(value)) return value.map((v) => formatValue('', v, names)).join(', ');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k} : ${formatValue(k, v, names)}`)
      .join(', ');
  }
  return String(value);
}

/** What an event changed, field by field, in words. */
export function changesOf(event: Pick<AuditEvent, 'before' | 'after'>, names: Record<string, string> = {}): Change[] {
  const before = isRecord(event.before) ? event.before : null;
  const after = isRecord(event.after) ? event.after : null;
  if (!before && !after) return [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  // The parent EPCI's name says the same as its id: keep the name when both are there.
  const visible = keys.filter((k) => !(k === 'parentEpciId' && keys.includes('parentEpciName')));
  const changes: Change[] = [];
  for (const field of visible) {
    const label = FIELD_LABELS[field] ?? field;
    if (before && after) {
      if (JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
      changes.push({ field, label, before: formatValue(field, before[field], names), after: formatValue(field, after[field], names) });
    } else if (after) {
      if (after[field] === null || after[field] === undefined) continue;
      changes.push({ field, label, after: formatValue(field, after[field], names) });
    } else if (before) {
      changes.push({ field, label, before: formatValue(field, before[field], names) });
    }
  }
  const order = Object.keys(FIELD_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return changes.sort((a, b) => rank(a.field) - rank(b.field));
}

/** A short name for the object of an event: the organisation's or contact's name when the event carries it. */
export function subjectOf(event: Pick<AuditEvent, 'entityType' | 'before' | 'after' | 'entityId'>): string {
  const entity = ENTITY_LABELS[event.entityType] ?? event.entityType;
  const data = (isRecord(event.after) ? event.after : isRecord(event.before) ? event.before : null) ?? {};
  if (event.entityType === 'contact') {
    const name = [data.civility, data.firstName, data.lastName].filter((v) => typeof v === 'string' && v).join(' ');
    return name ? `${entity} : ${name}` : entity;
  }
  if (event.entityType === 'organisation' && typeof data.name === 'string') return `${entity} : ${data.name}`;
  if (event.entityType === 'account' && typeof data.email === 'string') return `${entity} : ${data.email}`;
  if (event.entityType === 'setup_file') return `${entity} : ${typeof data.title === 'string' ? data.title : event.entityId}`;
  return entity;
}
