import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { DescriptionList, LoadError, Loading } from '../ui.tsx';
import { formatCivilDate } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import type { CatalogueView } from '../../shared.ts';
import { PerimeterForm } from './PerimeterForm.tsx';

/** The perimeter the member's deliberation authorises (seed 004 annex 6): what its representative may open. */
export function PerimeterSection({
  organisationId,
  organisationName,
  catalogue,
  canWrite,
  onChanged,
}: {
  organisationId: string;
  organisationName: string;
  catalogue: CatalogueView;
  canWrite: boolean;
  onChanged(message: string): void;
}) {
  const [generation, setGeneration] = useState(0);
  const perimeter = useResource((signal) => api.subscriptions.perimeter(organisationId, catalogue.providerId, signal), `perimeter-${organisationId}-${generation}`);
  const [recording, setRecording] = useState(false);
  const current = perimeter.data;
  const name = (code: string) => catalogue.lines.find((l) => l.code === code)?.name ?? code;
  return (
    <section className="section" aria-labelledby="perimetre" aria-busy={perimeter.loading}>
      <div className="section-header">
        <h2 id="perimetre">Périmètre autorisé de {organisationName}</h2>
        {canWrite && !recording ? (
          <button type="button" className="btn btn-secondary" onClick={() => setRecording(true)}>
            Enregistrer une nouvelle délibération
          </button>
        ) : null}
      </div>
      {perimeter.error ? <LoadError error={perimeter.error} retry={perimeter.reload} /> : null}
      {perimeter.loading && perimeter.data === undefined ? <Loading /> : null}
      {current === null ? <p className="empty">Aucune délibération de périmètre enregistrée.</p> : null}
      {current ? (
        <div className="panel">
          <DescriptionList
            items={[
              {
                term: 'Délibération',
                value: `${current.deliberation.organ}${current.deliberation.number ? `, n° ${current.deliberation.number}` : ''}, du ${formatCivilDate(current.deliberation.date)}`,
              },
              { term: 'Représentant autorisé', value: current.representative },
              {
                term: 'Services autorisés',
                value: (
                  <ul className="plain-list">
                    {current.lines.map((code) => (
                      <li key={code}>{name(code)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </div>
      ) : null}
      {recording ? (
        <PerimeterForm
          organisationId={organisationId}
          catalogue={catalogue}
          current={current?.lines ?? []}
          onCancel={() => setRecording(false)}
          onRecorded={(message) => {
            setRecording(false);
            setGeneration((g) => g + 1);
            onChanged(message);
          }}
        />
      ) : null}
    </section>
  );
}
