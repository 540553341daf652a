import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AnnualSummary, AnnualSummaryProvider } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { euros } from '../../lib/catalogue.ts';
import { plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { eurosOfCents, sumCents } from '../../lib/titles.ts';
import { SelectField } from '../forms.tsx';
import { LoadError, Loading, TableScroll } from '../ui.tsx';

/**
 * A member's annual summary — in the member portal (« Mes factures ») and in the staff's member account —: a fiscal
 * year chosen with a button (no change of context on the select), then per provider the service lines net of
 * reductions and cancellations (HT, TVA, TTC), the totals (billed, reduced, net, paid, remaining, paid back by
 * payment order) and the same summary to download as PDF or XLSX.
 */
const summaryMessage = (s: AnnualSummary) => `Récapitulatif de l’exercice ${s.fiscalYear} : ${plural(s.providers.length, 'fournisseur', 'fournisseurs')}.`;

export function AnnualSummarySection({ organisationId, organisationName, years, initialYear }: { organisationId: string; organisationName: string; years: readonly number[]; initialYear: number }) {
  const announce = useAnnounce();
  const [draft, setDraft] = useState(String(initialYear));
  const [year, setYear] = useState(initialYear);
  const summary = useResource((signal) => api.billingSummary.get(organisationId, year, signal), `summary-${organisationId}-${year}`);
  const shown = summary.data?.fiscalYear === year ? summary.data : undefined;
  // Announced only once a year is chosen: on the first load the page announces its own list.
  const chosen = useRef(false);

  useEffect(() => {
    if (shown && !summary.loading && chosen.current) announce(summaryMessage(shown));
  }, [shown, summary.loading]);

  function submit(event: FormEvent) {
    event.preventDefault();
    chosen.current = true;
    const next = Number(draft);
    if (next === year && shown) announce(summaryMessage(shown));
    setYear(next);
  }

  return (
    <section className="section" aria-labelledby="recapitulatif-annuel" aria-busy={summary.loading}>
      <h2 id="recapitulatif-annuel">Récapitulatif annuel</h2>
      <p className="muted">Les prestations de l’exercice par fournisseur, nettes des réductions et annulations, ce qui a été payé et ce qui reste à payer.</p>
      <form className="panel filters" onSubmit={submit} noValidate aria-label="Choisir l’exercice du récapitulatif">
        <div className="filters-grid">
          <SelectField id="recapitulatif-exercice" label="Exercice du récapitulatif" value={draft} onChange={(e) => setDraft(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary">
            Afficher le récapitulatif
          </button>
        </div>
      </form>
      {summary.error ? <LoadError error={summary.error} retry={summary.reload} /> : null}
      {summary.loading && !shown ? <Loading /> : null}
      {shown ? <SummaryBody summary={shown} organisationId={organisationId} organisationName={organisationName} /> : null}
    </section>
  );
}

function SummaryBody({ summary, organisationId, organisationName }: { summary: AnnualSummary; organisationId: string; organisationName: string }) {
  const year = summary.fiscalYear;
  return (
    <>
      <h3>
        Exercice {year} — {summary.organisationName || organisationName}
      </h3>
      {summary.providers.length === 0 ? <p className="empty">Aucun titre émis pour l’exercice {year}.</p> : summary.providers.map((p) => <ProviderSummary key={p.providerId} provider={p} year={year} />)}
      <p className="button-row">
        {(['pdf', 'xlsx'] as const).map((format) => (
          <a key={format} className="btn btn-secondary" href={api.billingSummary.documentUrl(organisationId, year, format)} download>
            Télécharger le récapitulatif {year} ({format.toUpperCase()})
          </a>
        ))}
      </p>
    </>
  );
}

function ProviderSummary({ provider, year }: { provider: AnnualSummaryProvider; year: number }) {
  const t = provider.totals;
  const headingId = `recapitulatif-${provider.providerId}`;
  const sum = (key: 'amountExcl' | 'vat' | 'amountIncl') => eurosOfCents(sumCents(provider.lines.map((l) => l[key])));
  return (
    <section className="section" aria-labelledby={headingId}>
      <h4 id={headingId}>{provider.providerName}</h4>
      {provider.lines.length === 0 ? (
        <p className="empty">Aucune prestation nette sur l’exercice {year}.</p>
      ) : (
        <TableScroll label={`Prestations ${year} — ${provider.providerName}`}>
          <table className="table table-compact">
            <caption>
              Prestations {year} de {provider.providerName}, nettes des réductions ({plural(provider.lines.length, 'ligne', 'lignes')})
            </caption>
            <thead>
              <tr>
                <th scope="col">Prestation</th>
                <th scope="col" className="num">
                  Montant HT
                </th>
                <th scope="col" className="num">
                  TVA
                </th>
                <th scope="col" className="num">
                  Montant TTC
                </th>
              </tr>
            </thead>
            <tbody>
              {provider.lines.map((l) => (
                <tr key={l.line}>
                  <th scope="row">{l.label}</th>
                  <td className="num nowrap">{euros(l.amountExcl)}</td>
                  <td className="num nowrap">{euros(l.vat)}</td>
                  <td className="num nowrap">{euros(l.amountIncl)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total net</th>
                <td className="num nowrap">{sum('amountExcl')}</td>
                <td className="num nowrap">{sum('vat')}</td>
                <td className="num nowrap">{sum('amountIncl')}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <ul className="stats" aria-label={`Totaux ${year} — ${provider.providerName}`}>
        {[
          [t.billed, 'facturé (titres TTC)'],
          [t.reduced, 'réductions et annulations'],
          [t.net, 'net facturé'],
          [t.paid, 'payé'],
          [t.outstanding, 'reste à payer'],
          [t.paidBack, 'reversé par mandat'],
        ].map(([amount, label]) => (
          <li className="stat" key={label}>
            <span className="stat-value">{euros(amount)}</span>
            <span className="stat-label">{label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
