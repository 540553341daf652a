import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { costYears, defaultCostYear } from '../components/costs/CostScope.tsx';
import { SelectField, ShowButton, YearField } from '../components/forms.tsx';
import { LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { euros } from '../lib/catalogue.ts';
import { formatInteger } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount } from '../lib/session.tsx';

/**
 * "Ce que je paie" for a member (seed 004 art. 2: the elements to check "la bonne répartition des coûts"): for each
 * service it uses, the service's cost, its forecast units and unit cost, and its own share by nature of charge.
 */
export function MyCostSharePage() {
  useTitle('Ma part des coûts');
  const account = useAccount();
  const [params, setParams] = useSearchParams();
  const providers = useResource(() => api.providers.list(), 'my-providers');
  const providerId = params.get('fournisseur') ?? providers.data?.[0]?.id ?? '';
  const year = Number(params.get('exercice')) || defaultCostYear();
  const [draft, setDraft] = useState({ providerId, year: String(year) });
  useEffect(() => setDraft({ providerId, year: String(year) }), [providerId, year]);
  const key = `share-${providerId}-${year}`;
  const share = useResource((signal) => (providerId && account.organisationId ? api.costs.share(account.organisationId, providerId, year, signal) : Promise.resolve(null)), key);
  const view = share.dataKey === key ? share.data : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams({ fournisseur: draft.providerId, exercice: draft.year });
  }

  return (
    <>
      <PageHeader title="Ma part des coûts" lead="Ce dont se compose votre participation : le coût de chaque service, ses unités prévues, son coût unitaire et votre part selon vos unités." />
      <div className="panel filters" role="search" aria-label="Choisir le service commun et l’exercice">
        <form className="inline-form" onSubmit={submit} noValidate>
          <SelectField id="part-fournisseur" label="Service commun" value={draft.providerId} onChange={(e) => setDraft({ ...draft, providerId: e.target.value })}>
            {providers.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <YearField id="part-exercice" label="Exercice" years={costYears()} value={draft.year} onYear={(year) => setDraft({ ...draft, year })} />
          <ShowButton />
        </form>
      </div>
      <div aria-busy={share.loading}>
        {share.error ? <LoadError error={share.error} retry={share.reload} /> : null}
        {!view && !share.error ? <Loading /> : null}
        {view ? (
          <section className="section" aria-labelledby="part-titre">
            <h2 id="part-titre">
              {view.providerName} — exercice {view.fiscalYear}
            </h2>
            <p>
              Votre part des coûts répartis : <strong>{euros(view.total)}</strong>. La structure porte seule {euros(view.providerAlone)} (logistique, management, personnel administratif) : ils ne sont pas dans votre
              participation.
            </p>
            {view.lines.length === 0 ? <p className="empty">Aucun service relevé pour votre organisation.</p> : null}
            {view.lines.map((l) => (
              <TableScroll key={l.line} label={l.lineName}>
                <table className="table">
                  <caption>
                    {l.lineName} : {formatInteger(l.units)} unité(s) sur {formatInteger(l.serviceUnits)} prévues, coût du service {euros(l.serviceCost)}, coût unitaire {euros(l.unitCost)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Nature de charge</th>
                      <th scope="col" className="num">Votre part</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.byNature.map((n) => (
                      <tr key={n.nature}>
                        <th scope="row">{n.natureLabel}</th>
                        <td className="num">{euros(n.amount)}</td>
                      </tr>
                    ))}
                    <tr className="total-row">
                      <th scope="row">Total</th>
                      <td className="num">{euros(l.share)}</td>
                    </tr>
                  </tbody>
                </table>
              </TableScroll>
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}
