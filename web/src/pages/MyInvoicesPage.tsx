import { useEffect } from 'react';
import { api } from '../api/endpoints.ts';
import { AnnualSummarySection } from '../components/billing/AnnualSummary.tsx';
import { MemberAccount } from '../components/billing/MemberAccount.tsx';
import { TitlesTable } from '../components/billing/TitlesTable.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { plural } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount } from '../lib/session.tsx';

/** The member portal's titles: every title its providers issued to it, their status, and what remains to pay. */
export function MyInvoicesPage() {
  useTitle('Mes factures');
  const account = useAccount();
  const announce = useAnnounce();
  const titles = useResource((signal) => api.titles.list({}, signal), 'my-titles');
  const shown = [...(titles.data ?? [])].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number));
  const thisYear = Number(todayInParis().slice(0, 4));
  // The years the member has titles in and the current one, newest first; the summary opens on the newest with titles.
  const years = [...new Set([thisYear, ...shown.map((t) => t.fiscalYear)])].sort((a, b) => b - a);
  const newest = shown.reduce((y, t) => Math.max(y, t.fiscalYear), 0) || thisYear;

  useEffect(() => {
    if (titles.data && !titles.loading) announce(`${plural(titles.data.length, 'titre affiché', 'titres affichés')}.`);
  }, [titles.data, titles.loading]);

  return (
    <>
      <PageHeader
        title="Mes factures"
        lead="Les titres de recette émis pour votre organisation par ses fournisseurs de services : leur détail ligne par ligne, ce qui a été payé et ce qui reste à payer, et le récapitulatif de chaque exercice."
      />
      {titles.error ? <LoadError error={titles.error} retry={titles.reload} /> : null}
      {titles.loading && !titles.data ? <Loading /> : null}
      {titles.data ? (
        <>
          <MemberAccount titles={titles.data} headingId="mon-solde" heading={`Solde de ${account.organisationName ?? 'mon organisation'}`} />
          {account.organisationId ? <AnnualSummarySection organisationId={account.organisationId} organisationName={account.organisationName ?? ''} years={years} initialYear={newest} /> : null}
          <section className="section" aria-labelledby="mes-titres">
            <h2 id="mes-titres">Titres</h2>
            {shown.length === 0 ? (
              <p className="empty">Aucun titre émis pour votre organisation.</p>
            ) : (
              <TitlesTable titles={shown} caption={`${plural(shown.length, 'titre', 'titres')} de ${account.organisationName ?? 'mon organisation'}, les plus récents en premier`} detailPath="/mes-factures" showMember={false} />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
