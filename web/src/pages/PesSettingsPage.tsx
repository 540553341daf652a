import { useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { PesSettings } from '../api/billing.ts';
import { api } from '../api/endpoints.ts';
import { PesSettingsForm } from '../components/billing/PesSettingsForm.tsx';
import { ProviderChooser } from '../components/ProviderChooser.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { useResource, useTitle } from '../lib/hooks.ts';
import { catalogueLines } from '../lib/pes-settings.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';

/**
 * A provider's PES settings (`billing:run`), at `/facturation/pes/:providerId`: what the PES V2 file of its runs needs
 * (accountant's post, collectivity and budget codes, imputations per service line). Platform staff choose the
 * provider; provider staff are led to their own.
 */
export function PesSettingsPage() {
  useTitle('Paramètres PES');
  const account = useAccount();
  const platform = isPlatformStaff(account);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { providerId = '' } = useParams();
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const settings = useResource((signal) => (providerId ? api.billing.pesSettings(providerId, signal) : Promise.resolve(null)), `pes-settings-${providerId}`);
  // What was saved here since the settings were read (the form keeps its own draft).
  const [savedNow, setSavedNow] = useState<PesSettings | null>(null);
  const catalogue = useResource((signal) => (providerId ? api.catalogue.get(providerId, signal) : Promise.resolve(null)), `pes-catalogue-${providerId}`);
  const [flash, setFlash] = useState<{ text: string; n: number } | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  useEffect(() => {
    setFlash(null);
    setSavedNow(null);
  }, [providerId]);

  // Provider staff only ever set their own provider's.
  if (!platform && account.organisationId && providerId !== account.organisationId) return <Navigate to={`/facturation/pes/${account.organisationId}`} replace />;

  const providerName = platform ? providers.data?.find((p) => p.id === providerId)?.name : account.organisationName;
  const ready = settings.dataKey === `pes-settings-${providerId}` && catalogue.dataKey === `pes-catalogue-${providerId}` && catalogue.data;
  const error = settings.error ?? catalogue.error ?? providers.error;

  function choose(chosen: string) {
    navigate(chosen ? `/facturation/pes/${chosen}` : '/facturation/pes');
  }

  return (
    <>
      <PageHeader
        title="Paramètres PES"
        breadcrumb={[{ to: '/facturation', label: 'Facturation' }]}
        lead={`Ce que le fichier PES V2 des titres de recette${providerName ? ` de ${providerName}` : ''} transmet au comptable public : le poste comptable, les codes collectivité et budget, et l’imputation comptable de chaque ligne de service.`}
      />
      {platform ? <ProviderChooser id="pes-fournisseur" current={providerId} providers={providers.data} submitLabel="Afficher ses paramètres" onChoose={choose} /> : null}
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash.text}</p>
        </Alert>
      ) : null}
      <div aria-busy={Boolean(providerId) && !ready && !error}>
        {error ? <LoadError error={error} retry={() => (settings.error ? settings.reload() : catalogue.reload())} /> : null}
        {!providerId ? <p className="empty">Choisissez un fournisseur pour voir ses paramètres PES.</p> : null}
        {providerId && !ready && !error ? <Loading /> : null}
        {providerId && ready && catalogue.data ? (
          <>
            {settings.data || savedNow ? null : (
              <Alert tone="info" title="Aucun paramètre PES enregistré">
                <p>Le fichier PES des facturations est refusé tant que ces paramètres ne sont pas renseignés.</p>
              </Alert>
            )}
            <PesSettingsForm
              key={providerId}
              providerId={providerId}
              saved={settings.data ?? null}
              lines={catalogueLines(catalogue.data)}
              onSaved={(saved) => {
                const message = `Paramètres PES enregistrés${providerName ? ` pour ${providerName}` : ''}.`;
                setSavedNow(saved);
                setFlash((f) => ({ text: message, n: (f?.n ?? 0) + 1 }));
                announce(message);
              }}
            />
          </>
        ) : null}
      </div>
    </>
  );
}
