import { SelectField } from '../forms.tsx';
import { Alert, TableScroll } from '../ui.tsx';
import { euros } from '../../lib/catalogue.ts';
import { plural } from '../../lib/format.ts';
import type { DraftRow } from '../../lib/request-draft.ts';
import type { CatalogueView } from '../../shared.ts';
import type { LivePreview } from './useRequestPreview.ts';

/** Counts of the live check, as one sentence (also announced). */
export function previewSentence(preview: LivePreview): string | null {
  if (!preview.estimate) return null;
  const rows = Object.values(preview.rows);
  const refusals = rows.reduce((n, r) => n + Object.keys(r.errors).length, 0) + preview.general.filter((f) => f.severity === 'refusal').length;
  const warnings = rows.reduce((n, r) => n + r.warnings.length, 0) + preview.general.filter((f) => f.severity === 'warning').length;
  return `Vérification : ${refusals ? plural(refusals, 'refus', 'refus') : 'aucun refus'}, ${warnings ? plural(warnings, "point d'attention", "points d'attention") : "aucun point d'attention"} ; estimation ${preview.estimate.year} : ${euros(preview.estimate.total)}.`;
}

/** The live check of the whole request: its findings about the request, the yearly estimate per service and in total. */
export function PreviewSummary({
  preview,
  rows,
  catalogue,
  year,
  years,
  onYear,
}: {
  preview: LivePreview;
  rows: readonly DraftRow[];
  catalogue: CatalogueView;
  year: string;
  years: number[];
  onYear(year: string): void;
}) {
  const sentence = previewSentence(preview);
  const estimated = rows.map((row, index) => ({ row, index, estimate: preview.rows[row.key]?.estimate ?? null })).filter((r) => r.estimate);
  return (
    <section className="panel request-preview" aria-labelledby="demande-verification" aria-busy={preview.checking}>
      <h3 id="demande-verification">Vérification et estimation</h3>
      <p className="muted">La demande est vérifiée au fil de la saisie selon les règles de la convention et chiffrée au prix de la grille en vigueur ; rien n'est enregistré avant l'envoi.</p>
      <SelectField id="demande-annee" label="Année de l'estimation" value={year} onChange={(e) => onYear(e.target.value)} className="field-narrow">
        <option value="">Année de la première ouverture souhaitée</option>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </SelectField>
      {preview.error ? (
        <Alert tone="error" title="La vérification n'a pas abouti">
          <p>{preview.error}</p>
        </Alert>
      ) : null}
      {!sentence && !preview.error ? <p className="empty">Choisissez un service, un volume et une date d'ouverture : la vérification et l'estimation s'affichent ici.</p> : null}
      {preview.general.map((f) => (
        <Alert key={`${f.code}-${f.message}`} tone={f.severity === 'refusal' ? 'error' : 'warning'}>
          <p>{f.message}</p>
        </Alert>
      ))}
      {sentence && preview.estimate ? (
        <>
          <p className="muted-strong">{sentence}</p>
          <TableScroll label="Estimation par service" compact>
            <table className="table table-compact">
              <caption>Estimation pour {preview.estimate.year}, par service, au prix annuel de la grille</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col" className="num">
                    Mois facturés
                  </th>
                  <th scope="col" className="num">
                    Montant estimé
                  </th>
                </tr>
              </thead>
              <tbody>
                {estimated.map(({ row, index, estimate }) => (
                  <tr key={row.key}>
                    <th scope="row">
                      n° {index + 1} : {catalogue.lines.find((l) => l.code === row.line)?.name ?? row.line}
                    </th>
                    <td className="num">{estimate!.months}</td>
                    <td className="num">{estimate!.amount ? euros(estimate!.amount) : (estimate!.note ?? 'non chiffré')}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total estimé {preview.estimate.year}
                  </th>
                  <td className="num">{euros(preview.estimate.total)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}
