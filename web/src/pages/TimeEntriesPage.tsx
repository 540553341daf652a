import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SummaryPeriod } from '../api/consumption-records.ts';
import { api } from '../api/endpoints.ts';
import { TimeEntriesTable } from '../components/time/TimeEntriesTable.tsx';
import { TimeEntryForm } from '../components/time/TimeEntryForm.tsx';
import { TimeFilters } from '../components/time/TimeFilters.tsx';
import { TimeSummarySection } from '../components/time/TimeSummarySection.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatCivilDate, plural } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount, useCan } from '../lib/session.tsx';
import { isPeriod, timeFiltersOf, timeParamsOf } from '../lib/time-entries.ts';

/**
 * Time spent for members (seed 002 art. 4.2 hourly billing, seed 004 art. 9.2.3 days of work): the entries between
 * two dates, one entered by hand, deleted when mistaken, and the year's sums by period. Filters in the address.
 */
export function TimeEntriesPage() {
  useTitle('Temps passés');
  const account = useAccount();
  const can = useCan();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params, setParams] = useSearchParams();
  const applied = timeFiltersOf(params);
  const providerId = platform ? applied.fournisseur : (account.organisationId ?? '');
  const thisYear = Number(todayInParis().slice(0, 4));
  const year = Number(params.get('annee')) || thisYear;
  const period: SummaryPeriod = isPeriod(params.get('periode')) ? (params.get('periode') as SummaryPeriod) : 'quarter';
  const [generation, setGeneration] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const filter = { from: applied.du, to: applied.au, ...(providerId ? { providerId } : {}), ...(applied.membre ? { organisationId: applied.membre } : {}) };
  const entries = useResource((signal) => api.timeEntries.list(filter, signal), `time-${JSON.stringify(filter)}-${generation}`);
  const shown = [...(entries.data ?? [])].sort((a, b) => b.workedOn.localeCompare(a.workedOn) || a.organisationName.localeCompare(b.organisationName, 'fr'));
  const providerName = (id: string) => providers.data?.find((p) => p.id === id)?.name ?? account.organisationName ?? '';
  const writes = can('consumption:write');

  useEffect(() => {
    if (entries.data && !entries.loading && generation === 0) announce(`${plural(entries.data.length, 'temps affiché', 'temps affichés')}.`);
  }, [entries.data, entries.loading]);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash, generation]);

  function changed(message: string) {
    setFlash(message);
    announce(message);
    setGeneration((g) => g + 1);
  }

  const memberName = shown.find((e) => e.organisationId === applied.membre)?.organisationName;
  const caption = `${plural(shown.length, 'temps passé', 'temps passés')} du ${formatCivilDate(applied.du)} au ${formatCivilDate(applied.au)}${memberName ? ` pour ${memberName}` : ''}, les plus récents en premier`;
  return (
    <>
      <PageHeader
        title="Temps passés"
        lead="Le temps passé pour les adhérents, intervention par intervention : facturé à l'heure (seed 002) ou compté en jours de travail (seed 004)."
        actions={
          writes ? (
            <Link className="btn btn-secondary" to={`/temps/import${providerId && platform ? `?fournisseur=${providerId}` : ''}`}>
              Importer un fichier de temps
            </Link>
          ) : null
        }
      />
      <TimeFilters
        applied={applied}
        providers={platform ? (providers.data ?? []).map((p) => ({ id: p.id, name: p.name })) : null}
        ownProviderId={providerId}
        onApply={(filters) => {
          setFlash(null);
          setGeneration(0);
          setParams(timeParamsOf(filters, params));
        }}
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="temps-liste-titre" aria-busy={entries.loading}>
        <h2 id="temps-liste-titre">Interventions</h2>
        {entries.error ? <LoadError error={entries.error} retry={entries.reload} /> : null}
        {entries.loading && !entries.data ? <Loading /> : null}
        {entries.data ? (
          shown.length === 0 ? (
            <p className="empty">Aucun temps passé sur cette période.</p>
          ) : (
            <TimeEntriesTable entries={shown} caption={caption} showProvider={platform && !providerId} canDelete={writes} onDeleted={(e) => changed(`Temps supprimé : ${e.lineName} du ${formatCivilDate(e.workedOn)} pour ${e.organisationName}.`)} />
          )
        ) : null}
      </section>
      {writes ? (
        <section className="section" aria-labelledby="temps-saisie-titre">
          <h2 id="temps-saisie-titre">Saisir un temps passé</h2>
          {providerId ? (
            <TimeEntryForm
              key={providerId}
              providerId={providerId}
              onRecorded={(message, workedOn) => changed(workedOn < applied.du || workedOn > applied.au ? `${message} Il est hors de la période affichée.` : message)}
            />
          ) : <p className="empty">Choisissez un fournisseur dans les filtres pour saisir un temps.</p>}
        </section>
      ) : null}
      <TimeSummarySection
        providerId={providerId}
        organisationId={applied.membre}
        year={year}
        period={period}
        years={[...new Set([year, ...Array.from({ length: 6 }, (_, i) => thisYear - i)])].sort((a, b) => b - a)}
        generation={generation}
        showProvider={platform && !providerId}
        providerName={providerName}
        onChange={(y, p) => {
          const next = new URLSearchParams(params);
          next.set('annee', String(y));
          next.set('periode', p);
          setParams(next);
        }}
      />
    </>
  );
}
