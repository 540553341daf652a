import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { ProviderChooser } from '../components/ProviderChooser.tsx';
import { TemplateCard } from '../components/templates/TemplateCard.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';

/**
 * The provider's Word templates (agreement, amendment, exit acknowledgement): the built-in one or its own,
 * with the tags each may use. Platform staff choose the provider (`?fournisseur=` in the address).
 */
export function TemplatesPage() {
  useTitle('Modèles de documents');
  const account = useAccount();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params, setParams] = useSearchParams();
  const providerId = platform ? (params.get('fournisseur') ?? '') : (account.organisationId ?? '');
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const [generation, setGeneration] = useState(0);
  const templates = useResource((signal) => (providerId ? api.templates.list(providerId, signal) : Promise.resolve(null)), `templates-${providerId}-${generation}`);
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  // While another provider's templates load, the previous provider's are not shown (their actions would mix).
  const list = templates.dataKey?.startsWith(`templates-${providerId}-`) ? templates.data : null;
  const providerName = platform ? providers.data?.find((p) => p.id === providerId)?.name : account.organisationName;

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash, generation]);

  function choose(chosen: string) {
    setFlash(null);
    setParams(chosen ? new URLSearchParams({ fournisseur: chosen }) : new URLSearchParams());
  }

  function changed(message: string) {
    setFlash(message);
    announce(message);
    setGeneration((g) => g + 1);
  }

  return (
    <>
      <PageHeader
        title="Modèles de documents"
        lead={`Les modèles Word dont sont tirés la convention, ses avenants et les accusés de réception des dénonciations${providerName ? ` de ${providerName}` : ''}. Un modèle déposé est vérifié balise par balise avant de remplacer le modèle intégré.`}
      />
      {platform ? <ProviderChooser id="modeles-fournisseur" current={providerId} providers={providers.data} submitLabel="Afficher ses modèles" onChoose={choose} /> : null}
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <div aria-busy={templates.loading}>
        {providers.error ? <LoadError error={providers.error} retry={providers.reload} /> : null}
        {templates.error ? <LoadError error={templates.error} retry={templates.reload} /> : null}
        {!providerId ? <p className="empty">Choisissez un fournisseur pour voir ses modèles.</p> : null}
        {providerId && templates.loading && !list ? <Loading /> : null}
        {providerId && list
          ? list.map((t) => <TemplateCard key={`${t.kind}-${t.custom?.uploadedAt ?? 'integre'}`} providerId={providerId} template={t} onChanged={changed} />)
          : null}
      </div>
    </>
  );
}
