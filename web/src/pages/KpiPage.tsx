import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { ConsumptionChart } from '../components/consumption/ConsumptionChart.tsx';
import { KpiTables } from '../components/governance/KpiTables.tsx';
import { MemberSelect } from '../components/MemberSelect.tsx';
import { SelectField, ShowButton, YearField } from '../components/forms.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { EUROS_MEASURE, UNITS_MEASURE, type Measure } from '../lib/consumption-chart.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useProviderMembers } from '../lib/provider-members.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';
import { parseEuros } from '../shared.ts';

/** Openings counted like units, named as what they are. */
const OPENINGS: Measure = { ...UNITS_MEASURE, noun: 'lignes ouvertes', counted: 'ouvertures', missing: 'aucune ouverture', none: 'aucune ouverture' };
const centsOf = (values: readonly string[]) => values.map((v) => parseEuros(v) as number);

/**
 * The operational committee's dashboard (seed 004 art. 4: "un compte-rendu des activités courantes (KPIs…)"): a year's
 * indicators for the provider or one member, as charts with their tables, exportable as CSV or XLSX.
 */
export function KpiPage() {
  useTitle('Indicateurs');
  const account = useAccount();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInParis().slice(0, 4));
  const applied = { fournisseur: params.get('fournisseur') ?? '', membre: params.get('membre') ?? '', annee: Number(params.get('annee') ?? thisYear) };
  const providerId = platform ? applied.fournisseur : (account.organisationId ?? '');
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const members = useProviderMembers(providerId);
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [params.toString()]);
  const query = { year: applied.annee, ...(applied.membre ? { organisationId: applied.membre } : {}) };
  const kpis = useResource((signal) => (providerId ? api.kpis.get(providerId, query, signal) : Promise.resolve(undefined)), `kpis-${providerId}-${params.toString()}`);
  useEffect(() => {
    if (kpis.data && !kpis.loading) announce(`Indicateurs ${kpis.data.year} affichés.`);
  }, [kpis.data, kpis.loading]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (platform && draft.fournisseur) next.set('fournisseur', draft.fournisseur);
    if (draft.membre) next.set('membre', draft.membre);
    next.set('annee', String(draft.annee));
    setParams(next);
  }
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  const k = kpis.data;
  return (
    <>
      <PageHeader title="Indicateurs" lead="Les indicateurs du comité opérationnel : adhérents et unités par catégorie, ouvertures, facturation et encaissements, demandes en attente et leurs délais, titres en retard, échéances à venir." />
      <div className="panel filters" role="search" aria-label="Filtrer les indicateurs">
        <form className="inline-form" onSubmit={apply} noValidate>
          {platform ? (
            <SelectField id="kpi-fournisseur" label="Fournisseur" value={draft.fournisseur} onChange={(e) => setDraft({ ...draft, fournisseur: e.target.value, membre: '' })}>
              <option value="">Choisir…</option>
              {providers.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <MemberSelect id="kpi-membre" label="Adhérent" members={members.data ?? []} value={draft.membre} empty="Tous les adhérents" onChange={(membre) => setDraft({ ...draft, membre })} />
          <YearField id="kpi-annee" label="Année" years={years} value={draft.annee} onYear={(year) => setDraft({ ...draft, annee: Number(year) })} />
          <ShowButton />
        </form>
      </div>
      {!providerId ? <p className="empty">Choisissez un fournisseur.</p> : null}
      {kpis.error ? <LoadError error={kpis.error} retry={kpis.reload} /> : null}
      {providerId && kpis.loading && !k ? <Loading /> : null}
      {k ? (
        <section className="section" aria-labelledby="kpi-graphiques" aria-busy={kpis.loading}>
          <h2 id="kpi-graphiques">Indicateurs {k.year}</h2>
          <p className="button-row">
            <a className="btn btn-secondary" href={api.kpis.exportUrl(providerId, { ...query, format: 'csv' })} download>
              Exporter (CSV)
            </a>
            <a className="btn btn-secondary" href={api.kpis.exportUrl(providerId, { ...query, format: 'xlsx' })} download>
              Exporter (XLSX)
            </a>
          </p>
          <h3>Ouvertures de services par mois</h3>
          <ConsumptionChart title="Ouvertures de services" unit="lignes ouvertes par procès-verbal" year={k.year} months={k.openings} previousYear={k.openingsPrevious} measure={OPENINGS} />
          <h3>Montants facturés par mois</h3>
          <ConsumptionChart title="Montants facturés" unit="euros TTC, nets des réductions" year={k.year} months={centsOf(k.billed)} previousYear={centsOf(k.billedPrevious)} measure={EUROS_MEASURE} />
          <KpiTables kpis={k} />
          <p>
            <Link to="/comites">Comités</Link> · <Link to="/demandes">Demandes de souscription</Link> · <Link to="/titres">Titres de recette</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
