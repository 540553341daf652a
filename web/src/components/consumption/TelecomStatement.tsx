import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { todayInParis } from '../../lib/grids.ts';
import { useResource } from '../../lib/hooks.ts';
import { capitalised, inPeriod, latestPartBegun, ofPeriod, QUARTERS } from '../../lib/statements.ts';
import { SelectField } from '../forms.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { StatementDownloads } from './StatementDownloads.tsx';
import { TelecomProviderStatement } from './TelecomProviderStatement.tsx';

/**
 * The quarterly statement of telecom consumption by type of service (seed 000 art. 4.2), for a quarter the user
 * picks (the latest begun by default), with its PDF and XLSX. Give it `key={year}` so a new year starts afresh.
 */
export function TelecomStatement({ organisationId, year }: { organisationId: string; year: number }) {
  const announce = useAnnounce();
  const [quarter, setQuarter] = useState(() => latestPartBegun(year, todayInParis(), 4));
  const [draft, setDraft] = useState(String(quarter));
  const asked = useRef(false);
  const key = `telecom-${organisationId}-${year}-${quarter}`;
  const data = useResource((signal) => api.statements.telecom(organisationId, year, quarter, signal), key);
  const current = data.dataKey === key ? data.data : undefined;

  useEffect(() => {
    if (!current || !asked.current) return;
    asked.current = false;
    announce(`État télécom ${ofPeriod(current.periodLabel)} : ${current.statements.length ? plural(current.statements.length, 'fournisseur', 'fournisseurs') : 'aucune consommation'}.`);
  }, [current]);

  function submit(event: FormEvent) {
    event.preventDefault();
    asked.current = true;
    // The same quarter again reads it afresh (an invoice's copy filed meanwhile).
    if (Number(draft) === quarter) data.reload();
    else setQuarter(Number(draft));
  }

  return (
    <section className="section-part" aria-labelledby="etat-telecom">
      <h3 id="etat-telecom">État trimestriel des consommations télécoms</h3>
      <p className="muted">Les consommations refacturées par type de prestation, les factures des opérateurs dont elles viennent, les pénalités perçues et l’écart avec le titre provisoire.</p>
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Choisir le trimestre de l’état télécom">
        <SelectField id="etat-telecom-trimestre" label="Trimestre" value={draft} onChange={(e) => setDraft(e.target.value)}>
          {QUARTERS.map((q) => (
            <option key={q.index} value={String(q.index)}>
              {q.label} {year}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary">
            Voir l’état télécom
          </button>
        </div>
      </form>
      <div aria-busy={data.loading}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
        {data.loading && !current ? <Loading label="Chargement de l’état télécom…" /> : null}
        {current ? (
          <>
            <p>
              <strong>{capitalised(current.periodLabel)}</strong> (du {formatCivilDate(current.from)} au {formatCivilDate(current.to)}), factures rattachées au trimestre où commence la période facturée.
            </p>
            <StatementDownloads name={`état télécom ${ofPeriod(current.periodLabel)}`} urlOf={(format) => api.statements.telecomUrl(organisationId, year, quarter, format)} />
            {current.statements.length === 0 ? <p className="empty">Aucune facture d’opérateur, pénalité ni prévision {inPeriod(current.periodLabel)}.</p> : null}
            {current.statements.map((s, index) => (
              <TelecomProviderStatement key={s.providerId} statement={s} period={current.periodLabel} headingId={`etat-telecom-${index}`} />
            ))}
          </>
        ) : null}
      </div>
    </section>
  );
}
