import { z } from 'zod';
import { agreementInputSchema, type AGREEMENT_TYPE_VALUES, type PARTY_ROLE_VALUES } from '../shared.ts';
import type { AgreementDetail } from './agreements.ts';
import { linesOf } from './amendments.ts';

/**
 * An agreement as its form holds it (text as typed, rules as JSON), checked and turned into the input the
 * API expects; the issues of the contract or of the server placed on the form's fields.
 */

type PartyRole = (typeof PARTY_ROLE_VALUES)[number];
type AgreementType = (typeof AGREEMENT_TYPE_VALUES)[number];
export type AgreementInput = z.infer<ReturnType<typeof agreementInputSchema<z.ZodUUID>>>;

export interface PartyDraft {
  /** Stable key of the row while rows are added and removed. */
  key: number;
  organisationId: string;
  organisationName: string;
  role: PartyRole;
  signatoryName: string;
  signatoryTitle: string;
  organ: string;
  number: string;
  deliberationDate: string;
  signedOn: string;
}

export interface AgreementDraft {
  code: string;
  title: string;
  type: AgreementType;
  signedOn: string;
  openingRecordSignedOn: string;
  receiptId: string;
  receiptTransmittedOn: string;
  receiptReceivedOn: string;
  annexes: string;
  note: string;
  rules: string;
  parties: PartyDraft[];
}

export const AGREEMENT_LABELS: Record<string, string> = {
  providerId: 'Fournisseur',
  code: 'Code',
  title: 'Titre',
  type: 'Type de convention',
  signedOn: 'Date de signature',
  openingRecordSignedOn: 'Date du procès-verbal de mise en service',
  receiptId: "Identifiant de l'accusé de réception",
  receiptTransmittedOn: 'Transmise en préfecture le',
  receiptReceivedOn: 'Reçue en préfecture le',
  annexes: 'Annexes',
  note: 'Note',
  rules: 'Règles (JSON)',
  parties: 'Parties',
};

export const PARTY_LABELS = {
  organisationId: 'Organisation',
  role: 'Rôle',
  signatoryName: 'Nom du signataire',
  signatoryTitle: 'Qualité du signataire',
  organ: 'Organe délibérant',
  number: 'Numéro de la délibération',
  deliberationDate: 'Date de la délibération',
  signedOn: 'Signée le',
};

/** The id of a field of the form; `parties.2.role` is a field of the third party. */
export function agreementFieldId(field: string): string {
  const party = /^parties\.(\d+)\.(\w+)$/.exec(field);
  return party ? `convention-partie-${party[1]}-${party[2]}` : `convention-${field}`;
}

/** The error summary's names of the fields, each party's with its number. */
export function agreementLabels(parties: readonly PartyDraft[]): Record<string, string> {
  const labels = { ...AGREEMENT_LABELS };
  parties.forEach((_, i) => {
    for (const [field, label] of Object.entries(PARTY_LABELS)) labels[`parties.${i}.${field}`] = `Partie ${i + 1} : ${label.toLowerCase()}`;
  });
  return labels;
}

let nextKey = 1;
export function emptyParty(role: PartyRole = 'member', organisation?: { id: string; name: string }): PartyDraft {
  return { key: nextKey++, organisationId: organisation?.id ?? '', organisationName: organisation?.name ?? '', role, signatoryName: '', signatoryTitle: '', organ: '', number: '', deliberationDate: '', signedOn: '' };
}

/** The draft of a new agreement (the provider as first party), or of the record as signed. */
export function draftOf(detail: AgreementDetail | null, provider?: { id: string; name: string }, signed?: Pick<AgreementDetail, 'title' | 'annexes' | 'rules'>): AgreementDraft {
  if (!detail) {
    return { code: '', title: '', type: 'service_commun', signedOn: '', openingRecordSignedOn: '', receiptId: '', receiptTransmittedOn: '', receiptReceivedOn: '', annexes: '', note: '', rules: '', parties: [emptyParty('provider', provider), emptyParty('member')] };
  }
  const text = signed ?? detail;
  return {
    code: detail.code,
    title: text.title,
    type: detail.type,
    signedOn: detail.signedOn ?? '',
    openingRecordSignedOn: detail.openingRecordSignedOn ?? '',
    receiptId: detail.legalityReceipt?.id ?? '',
    receiptTransmittedOn: detail.legalityReceipt?.transmittedOn ?? '',
    receiptReceivedOn: detail.legalityReceipt?.receivedOn ?? '',
    annexes: text.annexes.join('\n'),
    note: detail.note ?? '',
    rules: JSON.stringify(text.rules, null, 2),
    parties: detail.parties.map((p) => ({
      ...emptyParty(p.role, { id: p.organisationId, name: p.organisationName }),
      signatoryName: p.signatory?.name ?? '',
      signatoryTitle: p.signatory?.title ?? '',
      organ: p.deliberation?.organ ?? '',
      number: p.deliberation?.number ?? '',
      deliberationDate: p.deliberation?.date ?? '',
      signedOn: p.signedOn ?? '',
    })),
  };
}

const PARTY_PATHS: Record<string, keyof typeof PARTY_LABELS> = {
  organisation: 'organisationId',
  role: 'role',
  signatory: 'signatoryName',
  'signatory.name': 'signatoryName',
  'signatory.title': 'signatoryTitle',
  deliberation: 'organ',
  'deliberation.organ': 'organ',
  'deliberation.number': 'number',
  'deliberation.date': 'deliberationDate',
  signedOn: 'signedOn',
};
const RECEIPT_PATHS: Record<string, string> = { '': 'receiptId', id: 'receiptId', transmittedOn: 'receiptTransmittedOn', receivedOn: 'receiptReceivedOn' };

/** Issues (from the contract or the server: "parties[1].deliberation.date", "rules.duration.months") to fields. */
export function placeIssues(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  const messages: string[] = [];
  for (const issue of issues) {
    const path = (typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.')).replace(/\[(\d+)\]/g, '.$1');
    const party = /^parties\.(\d+)\.(.+)$/.exec(path);
    const receipt = /^legalityReceipt\.?(.*)$/.exec(path);
    let key: string | null = null;
    let message = issue.message;
    if (party && PARTY_PATHS[party[2]!]) key = `parties.${party[1]}.${PARTY_PATHS[party[2]!]}`;
    else if (receipt && RECEIPT_PATHS[receipt[1]!]) key = RECEIPT_PATHS[receipt[1]!]!;
    else if (path.startsWith('rules')) {
      key = 'rules';
      const inner = path.slice('rules.'.length);
      if (inner) message = `${inner} : ${message}`;
    } else if (path.startsWith('annexes')) key = 'annexes';
    else if (path in AGREEMENT_LABELS) key = path;
    if (key && !fields[key]) fields[key] = message;
    else messages.push(path && !path.startsWith('(') ? `${path} : ${message}` : message);
  }
  return { fields, messages };
}

/** The rules typed as JSON: the value, or why it cannot be read. */
function parseRules(text: string): { value?: unknown; error?: string } {
  if (!text.trim()) return { error: 'choisissez un modèle ou saisissez les règles' };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `JSON illisible : ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The draft checked with the contract: the errors by field and the general messages, or none and the input. */
export function checkDraft(draft: AgreementDraft) {
  const fields: Record<string, string> = {};
  const receiptGiven = [draft.receiptId, draft.receiptTransmittedOn, draft.receiptReceivedOn].some((v) => v.trim());
  if (receiptGiven && !draft.receiptId.trim()) fields.receiptId = "indiquez l'identifiant de l'accusé de réception";
  const parties = draft.parties.map((p, i) => {
    const at = (field: string) => `parties.${i}.${field}`;
    if (!p.organisationId) fields[at('organisationId')] = "cherchez puis choisissez l'organisation";
    const signatory = p.signatoryName.trim() || p.signatoryTitle.trim();
    if (signatory && !p.signatoryName.trim()) fields[at('signatoryName')] = 'indiquez le nom du signataire, ou effacez sa qualité';
    if (signatory && !p.signatoryTitle.trim()) fields[at('signatoryTitle')] = 'indiquez la qualité du signataire, ou effacez son nom';
    const deliberation = p.organ.trim() || p.number.trim() || p.deliberationDate;
    if (deliberation && !p.organ.trim()) fields[at('organ')] = "indiquez l'organe qui a délibéré";
    if (deliberation && !p.deliberationDate) fields[at('deliberationDate')] = 'indiquez la date de la délibération';
    return {
      organisation: p.organisationId,
      role: p.role,
      ...(signatory ? { signatory: { name: p.signatoryName.trim(), title: p.signatoryTitle.trim() } } : {}),
      ...(deliberation ? { deliberation: { organ: p.organ.trim(), ...(p.number.trim() ? { number: p.number.trim() } : {}), date: p.deliberationDate } } : {}),
      ...(p.signedOn ? { signedOn: p.signedOn } : {}),
    };
  });
  const rules = parseRules(draft.rules);
  if (rules.error) fields.rules = rules.error;
  const input = {
    code: draft.code.trim(),
    title: draft.title.trim(),
    type: draft.type,
    ...(draft.signedOn ? { signedOn: draft.signedOn } : {}),
    ...(draft.openingRecordSignedOn ? { openingRecordSignedOn: draft.openingRecordSignedOn } : {}),
    ...(receiptGiven
      ? { legalityReceipt: { id: draft.receiptId.trim(), ...(draft.receiptTransmittedOn ? { transmittedOn: draft.receiptTransmittedOn } : {}), ...(draft.receiptReceivedOn ? { receivedOn: draft.receiptReceivedOn } : {}) } }
      : {}),
    parties,
    annexes: linesOf(draft.annexes),
    rules: rules.value,
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
  const parsed = agreementInputSchema(z.uuid()).safeParse(input);
  let messages: string[] = [];
  if (!parsed.success) {
    const placed = placeIssues(parsed.error.issues.filter((i) => !(i.path[0] === 'rules' && rules.error)));
    for (const [k, v] of Object.entries(placed.fields)) fields[k] ??= v;
    messages = placed.messages;
  }
  return { fields, messages, input: parsed.success ? parsed.data : undefined };
}
