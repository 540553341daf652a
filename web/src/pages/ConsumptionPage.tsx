import { useEffect, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { ConsumptionView } from '../components/consumption/ConsumptionView.tsx';
import { ForecastSection } from '../components/consumption/ForecastSection.tsx';
import { MemberTimeEntries } from '../components/consumption/MemberTimeEntries.tsx';
import { StatementsSection } from '../components/consumption/StatementsSection.tsx';
import { ShowButton, YearField } from '../components/forms.tsx';
import { PageHeader } from '../components/ui.tsx';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount } from '../lib/session.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The member portal: the account's own organisation's consumption. */
export function MyConsumptionPage() {
  const account = useAccount();
  if (!account.organisationId) return <NotFoundPage title="Organisation introuvable" message="Votre compte n'est rattaché à aucune organisation." />;
  return <ConsumptionScreen organisationId={account.organisationId} name={account.organisationName ?? ''} portal />;
}

/** Provider staff: a member's consumption, from its record. */
export function OrganisationConsumptionPage() {
  const { id = '' } = useParams();
  const org = useResource(() => api.organisations.get(id), `org-${id}`);
  return <ConsumptionScreen key={id} organisationId={id} name={org.data?.name ?? ''} portal={false} />;
}

/** The first year offered: the oldest consumption on record (Somme Numérique's invoices, 2016) comes after it. */
const FIRST_YEAR = 2010;

/**
 * For a chosen year (`?annee=` in the address, 2010 to next year): units month by month against the previous
 * year, the amounts passed through, forecast against actual, the statements to download and the time spent.
 */
function ConsumptionScreen({ organisationId, name, portal }: { organisationId: string; name: string; portal: boolean }) {
  const thisYear = Number(todayInParis().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('annee'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear + 1 ? asked : thisYear;
  const [draft, setDraft] = useState(String(year));
  useEffect(() => setDraft(String(year)), [year]);
  const title = portal || !name ? 'Consommations' : `Consommations de ${name}`;
  useTitle(title);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(new URLSearchParams({ annee: draft }));
  }

  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={portal ? undefined : [{ to: `/organisations/${organisationId}`, label: name || 'Organisation' }]}
        lead={`Les unités relevées chaque mois (postes, boîtes aux lettres, Go…) et les montants refacturés, service par service${name ? ` pour ${name}` : ''}, comparés à l'année précédente ; les prévisions, les états à télécharger et les temps passés.`}
      />
      <div className="panel filters" role="search" aria-label="Choisir l'année">
        <form className="inline-form" onSubmit={submit} noValidate>
          <YearField id="consommations-annee" label="Année" years={Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i)} value={draft} onYear={setDraft} />
          <ShowButton />
        </form>
      </div>
      <ConsumptionView organisationId={organisationId} year={year} />
      <ForecastSection organisationId={organisationId} year={year} />
      <StatementsSection organisationId={organisationId} year={year} />
      <MemberTimeEntries organisationId={organisationId} year={year} />
    </>
  );
}
