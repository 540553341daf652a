import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import type { SummaryPeriod } from '../../api/consumption-records.ts';
import { plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { PERIOD_VALUES, PERIODS } from '../../lib/time-entries.ts';
import { SelectField } from '../forms.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { TimeSummaryTable } from './TimeSummaryTable.tsx';

/**
 * The year's time summed by month, quarter, half or year (`annee`, `periode` in the address), for the list's
 * provider and member. `generation` changes when an entry is added or deleted: the sums are read again.
 */
export function TimeSummarySection({
  providerId,
  organisationId,
  year,
  period,
  years,
  generation,
  showProvider,
  providerName,
  onChange,
}: {
  providerId: string;
  organisationId: string;
  year: number;
  period: SummaryPeriod;
  years: number[];
  generation: number;
  showProvider: boolean;
  providerName(id: string): string;
  onChange(year: number, period: SummaryPeriod): void;
}) {
  const [draft, setDraft] = useState({ year: String(year), period });
  useEffect(() => setDraft({ year: String(year), period }), [year, period]);
  const query = { year, period, ...(providerId ? { providerId } : {}), ...(organisationId ? { organisationId } : {}) };
  const summary = useResource((signal) => api.timeEntries.summary(query, signal), `summary-${JSON.stringify(query)}-${generation}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(Number(draft.year), draft.period);
  }

  const count = summary.data?.totals.length ?? 0;
  return (
    <section className="section" aria-labelledby="temps-cumul-titre" aria-busy={summary.loading}>
      <h2 id="temps-cumul-titre">Cumul par période</h2>
      <form className="panel inline-form" onSubmit={submit} noValidate aria-label="Choisir l'année et la période du cumul">
        <SelectField id="temps-cumul-annee" label="Année" value={draft.year} onChange={(e) => setDraft({ ...draft, year: e.target.value })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField id="temps-cumul-periode" label="Période" value={draft.period} onChange={(e) => setDraft({ ...draft, period: e.target.value as SummaryPeriod })}>
          {PERIOD_VALUES.map((p) => (
            <option key={p} value={p}>
              {PERIODS[p]}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary">
            Afficher le cumul
          </button>
        </div>
      </form>
      {summary.error ? <LoadError error={summary.error} retry={summary.reload} /> : null}
      {summary.loading && !summary.data ? <Loading /> : null}
      {summary.data ? (
        count === 0 ? (
          <p className="empty">Aucun temps passé en {year}.</p>
        ) : (
          <TimeSummaryTable
            summary={summary.data}
            showProvider={showProvider}
            providerName={providerName}
            caption={`Temps passés en ${year}, ${PERIODS[period].toLowerCase()} : ${plural(count, 'cumul', 'cumuls')} par adhérent et service, en heures et en jours de travail`}
          />
        )
      ) : null}
    </section>
  );
}
