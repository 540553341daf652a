import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deleteDocumentTemplate, findDocumentTemplate, listDocumentTemplates, saveDocumentTemplate } from '../../repositories/amendment-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { organisationAddresses } from '../../repositories/organisation-repository.ts';
import type { Db } from '../../db/database.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { fillTemplate, validateTemplate } from '../documents/docx.ts';
import { agreementData, amendmentData, DOCUMENT_KINDS, DOCUMENT_KIND_VALUES, exitData, TEMPLATE_TAGS, type AgreementData, type DocumentKind } from '../documents/document-data.ts';
import { agreementPdf, amendmentPdf, exitAcknowledgementPdf } from '../documents/pdf.ts';
import { getAgreement } from './agreement-service.ts';

export type DocumentFormat = 'docx' | 'pdf';
export interface RenderedDocument {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const BUILT_IN = (kind: DocumentKind) => fileURLToPath(new URL(`../../../templates/${kind}.docx`, import.meta.url));

/** The provider's own template for a kind of document, else the built-in one. */
async function templateFor(db: Db, providerId: string, kind: DocumentKind): Promise<Buffer> {
  return (await findDocumentTemplate(db, providerId, kind))?.content ?? readFile(BUILT_IN(kind));
}

export async function baseData(deps: Deps, principal: Principal, agreementId: string) {
  const detail = await getAgreement(deps, principal, agreementId);
  const db = deps.database.db;
  const addresses = new Map((await organisationAddresses(db, detail.parties.map((p) => p.organisationId))).map((a) => [a.organisationId, a]));
  return { detail, data: agreementData(detail, addresses, deps.clock.today()) };
}

export async function output<T extends AgreementData>(deps: Deps, providerId: string, kind: DocumentKind, format: DocumentFormat, data: T, pdf: (data: T) => Promise<Buffer>, name: string): Promise<RenderedDocument> {
  const content = format === 'pdf' ? await pdf(data) : fillTemplate(await templateFor(deps.database.db, providerId, kind), data);
  return { fileName: `${name}.${format}`, contentType: CONTENT_TYPES[format], content };
}

export async function agreementDocument(deps: Deps, principal: Principal, agreementId: string, format: DocumentFormat): Promise<RenderedDocument> {
  require(principal, 'organisation:read');
  const { detail, data } = await baseData(deps, principal, agreementId);
  return output(deps, detail.providerId, 'convention', format, data, agreementPdf, `convention-${detail.code}`);
}

export async function amendmentDocument(deps: Deps, principal: Principal, agreementId: string, amendmentId: string, format: DocumentFormat): Promise<RenderedDocument> {
  require(principal, 'organisation:read');
  const { detail, data } = await baseData(deps, principal, agreementId);
  const amendment = detail.amendments.find((a) => a.id === amendmentId);
  if (!amendment) throw new NotFoundError('Avenant');
  const ids = [...(amendment.changes.addParties ?? []).map((p) => p.organisationId), ...(amendment.changes.removeParties ?? []), ...(amendment.changes.withdrawCategories ?? []).map((w) => w.organisationId)];
  const names = await organisationNames(deps.database.db, ids);
  return output(deps, detail.providerId, 'avenant', format, amendmentData(data, amendment, names), amendmentPdf, `avenant-${amendment.number}-${detail.code}`);
}

export async function exitAcknowledgement(deps: Deps, principal: Principal, agreementId: string, exitRequestId: string, format: DocumentFormat): Promise<RenderedDocument> {
  require(principal, 'organisation:read');
  const { detail, data } = await baseData(deps, principal, agreementId);
  const exit = detail.exitRequests.find((e) => e.id === exitRequestId);
  if (!exit) throw new NotFoundError('Dénonciation');
  return output(deps, detail.providerId, 'accuse_sortie', format, exitData(data, exit), exitAcknowledgementPdf, `accuse-denonciation-${detail.code}`);
}

export interface TemplateInfo {
  kind: DocumentKind;
  label: string;
  custom: { fileName: string; uploadedAt: string } | null;
  tags: { tag: string; description: string }[];
}

export async function listTemplates(deps: Deps, principal: Principal, providerId: string): Promise<TemplateInfo[]> {
  require(principal, 'agreement:write');
  assertActsFor(principal, providerId);
  const custom = new Map((await listDocumentTemplates(deps.database.db, providerId)).map((t) => [t.kind, t]));
  return DOCUMENT_KIND_VALUES.map((kind) => {
    const own = custom.get(kind);
    return {
      kind,
      label: DOCUMENT_KINDS[kind],
      custom: own ? { fileName: own.fileName, uploadedAt: own.uploadedAt } : null,
      tags: Object.entries(TEMPLATE_TAGS[kind]).map(([tag, description]) => ({ tag, description })),
    };
  });
}

export async function downloadTemplate(deps: Deps, principal: Principal, providerId: string, kind: DocumentKind): Promise<RenderedDocument> {
  require(principal, 'agreement:write');
  assertActsFor(principal, providerId);
  return { fileName: `modele-${kind}.docx`, contentType: CONTENT_TYPES.docx, content: await templateFor(deps.database.db, providerId, kind) };
}

/** Replaces the built-in template of a kind with the provider's own, once it has passed validation. */
export async function uploadTemplate(deps: Deps, principal: Principal, providerId: string, kind: DocumentKind, fileName: string, content: Buffer): Promise<void> {
  require(principal, 'agreement:write');
  assertActsFor(principal, providerId);
  validateTemplate(kind, content);
  const at = deps.clock.now();
  await deps.database.transaction(async ({ db }) => {
    await saveDocumentTemplate(db, { providerId, kind, fileName, content, uploadedAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: 'update', entityType: 'document_template', entityId: `${providerId}:${kind}`, organisationId: providerId, after: { kind, fileName, bytes: content.length } });
  });
}

export async function resetTemplate(deps: Deps, principal: Principal, providerId: string, kind: DocumentKind): Promise<void> {
  require(principal, 'agreement:write');
  assertActsFor(principal, providerId);
  const at = deps.clock.now();
  await deps.database.transaction(async ({ db }) => {
    if (!(await deleteDocumentTemplate(db, providerId, kind))) throw new NotFoundError('Modèle personnalisé');
    await recordAudit(db, principal, at, { action: 'delete', entityType: 'document_template', entityId: `${providerId}:${kind}`, organisationId: providerId, before: { kind } });
  });
}

