import { useEffect } from 'react';
import { api } from '../../api/endpoints.ts';
import { LoadError, Loading } from '../ui.tsx';
import { useAnnounce } from '../../lib/announcer.tsx';
import { plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { AmountsSection } from './AmountsSection.tsx';
import { ConsumptionChart } from './ConsumptionChart.tsx';
import { ConsumptionTable } from './ConsumptionTable.tsx';
import { CorrectionsTable } from './CorrectionsTable.tsx';

/** An organisation's units for a year, service by service (chart and table), the corrections made, and the amounts passed through. */
export function ConsumptionView({ organisationId, year }: { organisationId: string; year: number }) {
  const announce = useAnnounce();
  const data = useResource((signal) => api.consumption.ofOrganisation(organisationId, year, signal), `consumption-${organisationId}-${year}`);
  const current = data.dataKey === `consumption-${organisationId}-${year}` ? data.data : undefined;

  useEffect(() => {
    if (!current) return;
    const amounts = current.amounts.length ? `, ${plural(current.amounts.length, 'service refacturé', 'services refacturés')} en euros` : '';
    announce(`${year} : ${plural(current.series.length, 'service relevé', 'services relevés')}${amounts}.`);
  }, [current]);

  const lineName = (code: string) => current?.series.find((s) => s.line === code)?.lineName ?? code;
  return (
    <div aria-busy={data.loading}>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {data.loading && !current ? <Loading label="Chargement des relevés…" /> : null}
      {current ? (
        <>
          <section className="section" aria-labelledby="services-releves">
            <h2 id="services-releves">
              Unités relevées en {year} <span className="count">({plural(current.series.length, 'service', 'services')})</span>
            </h2>
            {current.series.length === 0 ? <p className="empty">Aucun relevé pour {year}.</p> : null}
            {current.series.map((s, index) => {
              const title = `${s.lineName}${s.options ? ` (${s.options})` : ''}`;
              const headingId = `serie-${index}`;
              return (
                <section key={`${s.providerId}|${s.line}|${s.options}`} className="panel consumption-series" aria-labelledby={headingId}>
                  <h3 id={headingId}>{title}</h3>
                  <p className="muted">
                    {s.providerName}
                    {s.unit ? ` · unité : ${s.unit}` : ''}
                  </p>
                  <div className="consumption-columns">
                    <ConsumptionChart title={title} unit={s.unit} year={year} months={s.months} previousYear={s.previousYear} />
                    <ConsumptionTable title={title} unit={s.unit} year={year} months={s.months} previousYear={s.previousYear} />
                  </div>
                </section>
              );
            })}
          </section>
          <section className="section" aria-labelledby="corrections">
            <h2 id="corrections">Corrections</h2>
            <CorrectionsTable corrections={current.corrections} lineName={lineName} year={year} />
          </section>
          <AmountsSection amounts={current.amounts} year={year} />
        </>
      ) : null}
    </div>
  );
}
