import type { CatalogueDocument, CatalogueView, LineKind, LineStatus, Unit } from '../shared.ts';
import { catalogueDocumentOf, type CatalogueLine, type WithdrawalReason } from './catalogue.ts';

/** A line as its form holds it (every field as text), and what becomes of it in the catalogue document. */

export const LINE_LABELS = {
  code: 'Code',
  name: 'Intitulé',
  description: 'Description',
  kind: 'Nature',
  unit: 'Unité de compte',
  status: 'Statut',
  withdrawalReason: 'Motif du retrait',
  additiveTo: "S'ajoute à",
};
export const LINE_FIELDS = Object.keys(LINE_LABELS);

export interface LineDraft {
  code: string;
  name: string;
  description: string;
  kind: string;
  unit: string;
  status: string;
  withdrawalReason: string;
  additiveTo: string;
}

/** The form's starting values: the line's, or those of a new line. */
export function lineDraftOf(line: CatalogueLine | null): LineDraft {
  return {
    code: line?.code ?? '',
    name: line?.name ?? '',
    description: line?.description ?? '',
    kind: line?.kind ?? 'continuous',
    unit: line?.unit ?? 'workstation',
    status: line?.status ?? 'proposed',
    withdrawalReason: line?.withdrawalReason ?? '',
    additiveTo: line?.additiveTo ?? '',
  };
}

/**
 * The catalogue document with the draft applied: `line` changed, or a new line added to `category`.
 * Also gives the line's index in the document (where its issues point), its new name, and the errors
 * found before any check of the contract.
 */
export function applyLineDraft(view: CatalogueView, line: CatalogueLine | null, category: string, draft: LineDraft) {
  const doc: CatalogueDocument = catalogueDocumentOf(view);
  const withdrawn = draft.status === 'withdrawn';
  const fields: Record<string, string> = {};
  if (withdrawn && !draft.withdrawalReason) fields.withdrawalReason = 'indiquez le motif du retrait';
  const values = {
    name: draft.name.trim(),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    status: draft.status as LineStatus,
    ...(withdrawn && draft.withdrawalReason ? { withdrawalReason: draft.withdrawalReason as WithdrawalReason } : {}),
  };
  let index: number;
  if (line) {
    index = doc.lines.findIndex((l) => l.code === line.code);
    const { description: _description, withdrawalReason: _reason, ...kept } = doc.lines[index]!;
    doc.lines[index] = { ...kept, ...values };
  } else {
    // A new line goes after the last line of its category, so the catalogue keeps its reading order.
    const after = doc.lines.map((l) => l.category).lastIndexOf(category);
    index = after < 0 ? doc.lines.length : after + 1;
    doc.lines.splice(index, 0, {
      code: draft.code.trim(),
      category,
      ...values,
      kind: draft.kind as LineKind,
      unit: draft.unit as Unit,
      options: [],
      ...(draft.additiveTo ? { additiveTo: draft.additiveTo } : {}),
      responsibilities: [],
      technicalPrerequisites: [],
      annexes: [],
    });
  }
  return { doc, index, name: values.name, fields };
}
