import { UNITS, type Unit } from '../../domain/catalogue/catalogue.ts';
import type { LineState } from '../../domain/subscriptions/workflow.ts';
import { findLine, linesWithOpeningRecord } from '../../repositories/subscription-repository.ts';
import { baseData, output, type DocumentFormat, type RenderedDocument } from '../agreements/agreement-documents.ts';
import { optionsLabel } from '../catalogue/catalogue-mapping.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { openingRecordData } from '../documents/document-data.ts';
import { openingRecordPdf } from '../documents/pdf.ts';
import { listRequests } from './subscription-service.ts';

/**
 * The opening record (procès-verbal d'ouverture, seed 004 annex 8) of a line: every line of the same member
 * opened under the same record reference, with its effective opening date, as DOCX (Word template) or PDF.
 */
export async function openingRecordDocument(deps: Deps, principal: Principal, lineId: string, format: DocumentFormat): Promise<RenderedDocument> {
  require(principal, 'organisation:read');
  const found = await findLine(deps.database.db, principal.scope, lineId);
  if (!found) throw new NotFoundError('Ligne de souscription');
  // Only that member's requests are loaded: a provider may have tens of thousands.
  const requests = await listRequests(deps, principal, { providerId: found.providerId, organisationId: found.organisationId });
  const request = requests.find((r) => r.id === found.requestId);
  const line = request?.lines.find((l) => l.id === lineId);
  if (!request || !line) throw new NotFoundError('Ligne de souscription');
  if (!line.openingRecord) throw new NotFoundError("Procès-verbal d'ouverture");
  const db = deps.database.db;
  const { catalogue } = await loadProviderPricing(db, request.providerId);
  const sameRecord = await linesWithOpeningRecord(db, request.providerId, request.organisationId, line.openingRecord);
  const { detail, data } = await baseData(deps, principal, request.agreementId);
  const lines = sameRecord.map((l) => {
    const state = l.state as LineState;
    const service = catalogue.lines.find((c) => c.code === l.line);
    return {
      service: service?.name ?? l.line,
      options: optionsLabel(catalogue, l.line, l.options as Record<string, string>),
      quantity: l.quantity,
      unit: service ? UNITS[service.unit as Unit] : '',
      openedOn: state.status === 'opened' || state.status === 'withdrawn' ? state.openedOn : '',
    };
  });
  const record = openingRecordData(data, line.openingRecord, request.organisationName, lines.filter((l) => l.openedOn));
  return output(deps, detail.providerId, 'pv_ouverture', format, record, openingRecordPdf, `pv-ouverture-${line.openingRecord}`);
}
