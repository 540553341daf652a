import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TitleQuery } from '../api/billing.ts';
import { api } from '../api/endpoints.ts';
import { PesExportButton } from '../components/billing/PesExport.tsx';
import { AnnualSummarySection } from '../components/billing/AnnualSummary.tsx';
import { MemberAccount } from '../components/billing/MemberAccount.tsx';
import { TitleFilters } from '../components/billing/TitleFilters.tsx';
import { TitlesTable } from '../components/billing/TitlesTable.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatCivilDate, plural } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount, useCan } from '../lib/session.tsx';
import { DOCUMENT_KINDS_FR, titleFiltersOf, titleParamsOf } from '../lib/titles.ts';

const FIRST_YEAR = 2010;
const newestFirst = <T extends { issuedOn: string; number: string }>(list: readonly T[]) => [...list].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number));

/**
 * Receivable titles, reductions and payment orders of the provider, filtered in the address (`exercice`, `type`,
 * `membre`, `emission`, and `fournisseur` for platform staff); filtered by member, the member's account and balance.
 */
export function TitlesPage() {
  useTitle('Titres de recette');
  const account = useAccount();
  const can = useCan();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInParis().slice(0, 4));
  const applied = titleFiltersOf(params, thisYear);
  const providerId = platform ? applied.fournisseur : '';
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const query: TitleQuery = {
    ...(providerId ? { providerId } : {}),
    ...(applied.membre ? { organisationId: applied.membre } : {}),
    ...(applied.emission ? { runId: applied.emission } : {}),
    ...(applied.exercice ? { fiscalYear: Number(applied.exercice) } : {}),
    ...(applied.type ? { kind: applied.type } : {}),
  };
  const titles = useResource((signal) => api.titles.list(query, signal), `titles-${JSON.stringify(query)}`);
  const memberTitles = useResource((signal) => (applied.membre ? api.titles.list({ organisationId: applied.membre }, signal) : Promise.resolve(null)), `member-titles-${applied.membre}`);
  const shown = newestFirst(titles.data ?? []);
  const providerName = (id: string) => providers.data?.find((p) => p.id === id)?.name ?? '';
  const memberName = memberTitles.data?.[0]?.organisationName;
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i);

  useEffect(() => {
    if (titles.data && !titles.loading) announce(`${plural(titles.data.length, 'titre affiché', 'titres affichés')}.`);
  }, [titles.data, titles.loading]);

  const caption = [
    plural(shown.length, 'titre', 'titres'),
    applied.type ? `(${DOCUMENT_KINDS_FR[applied.type].toLowerCase()})` : '',
    applied.exercice ? `de l’exercice ${applied.exercice}` : 'de tous les exercices',
    memberName ? `pour ${memberName}` : '',
    applied.emission && shown[0] ? `de l’émission du ${formatCivilDate(shown[0].issuedOn)}` : '',
    platform && providerId ? `— ${providerName(providerId)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <PageHeader
        title="Titres de recette"
        lead="Les titres émis pour les adhérents, leurs réductions et les mandats de reversement : ce qui a été payé et ce qui reste à recouvrer."
        actions={
          can('billing:run') ? (
            <Link className="btn btn-secondary" to="/facturation">
              Préparer une facturation
            </Link>
          ) : null
        }
      />
      <TitleFilters
        applied={applied}
        providers={platform ? (providers.data ?? []).map((p) => ({ id: p.id, name: p.name })) : null}
        ownProviderId={account.organisationId ?? ''}
        years={years}
        onApply={(filters) => setParams(titleParamsOf(filters))}
      />
      {applied.membre && memberTitles.data ? <MemberAccount titles={memberTitles.data} headingId="compte-adherent" heading={`Compte de ${memberName ?? 'l’adhérent'} (tous exercices)`} /> : null}
      {applied.membre && memberTitles.data ? (
        <AnnualSummarySection key={`${applied.membre}-${applied.exercice}`} organisationId={applied.membre} organisationName={memberName ?? ''} years={years} initialYear={applied.exercice ? Number(applied.exercice) : thisYear} />
      ) : null}
      <section className="section" aria-labelledby="titres-liste" aria-busy={titles.loading}>
        <h2 id="titres-liste">Titres</h2>
        {titles.error ? <LoadError error={titles.error} retry={titles.reload} /> : null}
        {titles.loading && !titles.data ? <Loading /> : null}
        {titles.data ? (
          shown.length === 0 ? (
            <p className="empty">Aucun titre ne correspond à ces filtres.</p>
          ) : (
            <>
              <TitlesTable titles={shown} caption={`${caption}, les plus récents en premier`} detailPath="/titres" providerName={platform && !providerId ? providerName : null} />
              {applied.emission && can('billing:run') ? (
                <p className="button-row">
                  {(['xlsx', 'csv'] as const).map((format) => (
                    <a key={format} className="btn btn-secondary" href={api.billing.runExportUrl(applied.emission, format)} download>
                      Télécharger les titres de cette émission ({format.toUpperCase()})
                    </a>
                  ))}
                </p>
              ) : null}
              {applied.emission && can('billing:run') && shown[0] ? <PesExportButton runId={applied.emission} providerId={shown[0].providerId} /> : null}
            </>
          )
        ) : null}
      </section>
    </>
  );
}
