import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { todayInParis } from '../../lib/grids.ts';
import { useResource } from '../../lib/hooks.ts';
import { capitalised, inPeriod, latestPartBegun, ofPeriod, UNITS_PERIODS, unitsPeriodOf } from '../../lib/statements.ts';
import { SelectField } from '../forms.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { StatementDownloads } from './StatementDownloads.tsx';
import { UnitsStatementTable } from './UnitsStatementTable.tsx';

/**
 * The statement of uses in units (seed 001 art. 5.2: half-yearly), or by quarter or year as chosen, with its PDF
 * and XLSX. Opens on the latest half-year begun. Give it `key={year}` so a new year starts afresh.
 */
export function UnitsStatement({ organisationId, year }: { organisationId: string; year: number }) {
  const announce = useAnnounce();
  const [choice, setChoice] = useState(() => `half-${latestPartBegun(year, todayInParis(), 2)}`);
  const [draft, setDraft] = useState(choice);
  const asked = useRef(false);
  const query = { year, ...unitsPeriodOf(choice) };
  const key = `units-${organisationId}-${year}-${choice}`;
  const data = useResource((signal) => api.statements.units(organisationId, query, signal), key);
  const current = data.dataKey === key ? data.data : undefined;

  useEffect(() => {
    if (!current || !asked.current) return;
    asked.current = false;
    const rows = current.statements.reduce((sum, s) => sum + s.rows.length, 0);
    announce(`État des recours ${ofPeriod(current.periodLabel)} : ${rows ? plural(rows, 'service', 'services') : 'aucun recours'}.`);
  }, [current]);

  function submit(event: FormEvent) {
    event.preventDefault();
    asked.current = true;
    if (draft === choice) data.reload();
    else setChoice(draft);
  }

  return (
    <section className="section-part" aria-labelledby="etat-unites">
      <h3 id="etat-unites">État des recours aux services en unités</h3>
      <p className="muted">Les unités relevées chaque mois sur la période, leur total, le cumul depuis janvier et la prévision d’utilisation.</p>
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Choisir la période de l’état des recours">
        <SelectField id="etat-unites-periode" label="Période" value={draft} onChange={(e) => setDraft(e.target.value)}>
          {UNITS_PERIODS.map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label} {year}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary">
            Voir l’état des recours
          </button>
        </div>
      </form>
      <div aria-busy={data.loading}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
        {data.loading && !current ? <Loading label="Chargement de l’état des recours…" /> : null}
        {current ? (
          <>
            <p>
              <strong>{capitalised(current.periodLabel)}</strong> (du {formatCivilDate(current.from)} au {formatCivilDate(current.to)}).
            </p>
            <StatementDownloads name={`état des recours en unités ${ofPeriod(current.periodLabel)}`} urlOf={(format) => api.statements.unitsUrl(organisationId, query, format)} />
            {current.statements.length === 0 ? <p className="empty">Aucun relevé ni prévision {inPeriod(current.periodLabel)}.</p> : null}
            {current.statements.map((s, index) => (
              <UnitsStatementTable key={s.providerId} statement={s} period={current.periodLabel} headingId={`etat-unites-${index}`} />
            ))}
          </>
        ) : null}
      </div>
    </section>
  );
}
