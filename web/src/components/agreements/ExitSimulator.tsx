import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, RadioGroup, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { Alert, DescriptionList, errorMessage } from '../ui.tsx';
import { useAnnounce } from '../../lib/announcer.tsx';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { exitSimulationSchema } from '../../shared.ts';

type Outcome = Awaited<ReturnType<typeof api.agreements.simulateExit>>;

const SIMULATION_LABELS = { party: 'Partie qui dénonce', receivedOn: 'Date de réception du courrier' };
const simulationId = (field: string) => `simulation-${field}`;

/** "If a notice arrived on this date": the server applies the agreement's exit rules and explains. */
export function ExitSimulator({ agreement }: { agreement: AgreementDetail }) {
  const announce = useAnnounce();
  const [party, setParty] = useState<'member' | 'provider'>('member');
  const [receivedOn, setReceivedOn] = useState('');
  const form = useFormErrors();
  const { errors, general, attempt } = form;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ outcome: Outcome; party: 'member' | 'provider'; receivedOn: string } | null>(null);
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function fail(fields: FieldErrors, messages: string[] = []) {
    form.fail(fields, messages);
    setResult(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!receivedOn) return fail({ receivedOn: 'indiquez la date de réception' });
    const parsed = exitSimulationSchema.safeParse({ party, receivedOn });
    if (!parsed.success) return fail(splitIssues(parsed.error.issues, ['party', 'receivedOn']).fields);
    setBusy(true);
    try {
      const outcome = await api.agreements.simulateExit(agreement.id, parsed.data);
      form.clear();
      setResult({ outcome, party, receivedOn });
      announce(outcome.explanation);
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, ['party', 'receivedOn']);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="simuler">
      <h2 id="simuler">Simuler une sortie</h2>
      <p>Quand prendrait effet une dénonciation reçue à une date donnée ? Le calcul applique les règles de la convention ; rien n'est enregistré.</p>
      <ErrorSummary fields={errors} labels={SIMULATION_LABELS} idOf={simulationId} general={general} attempt={attempt} title="La simulation n'a pas abouti" />
      <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <RadioGroup<'member' | 'provider'>
            id={simulationId('party')}
            legend={SIMULATION_LABELS.party}
            value={party}
            error={errors.party}
            onChange={setParty}
            options={[
              { value: 'member', label: "L'adhérent" },
              { value: 'provider', label: 'Le fournisseur' },
            ]}
          />
          <TextField
            id={simulationId('receivedOn')}
            label={SIMULATION_LABELS.receivedOn}
            hint="Date à laquelle le courrier recommandé est reçu"
            type="date"
            required
            value={receivedOn}
            error={errors.receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Calcul…' : 'Simuler'}
          </button>
        </div>
      </form>
      {result ? (
        <section className="panel checker-result" tabIndex={-1} ref={resultRef} aria-labelledby="simulation-resultat">
          <h3 id="simulation-resultat">
            Dénonciation {result.party === 'member' ? "par l'adhérent" : 'par le fournisseur'} reçue le {formatCivilDate(result.receivedOn)}
          </h3>
          <Alert tone={result.outcome.late ? 'warning' : 'info'}>
            <p>{result.outcome.explanation}</p>
          </Alert>
          <DescriptionList
            items={[
              { term: 'Dans les délais', value: result.outcome.late ? 'Non : demande tardive' : 'Oui' },
              { term: 'Dernier jour pour dénoncer', value: formatCivilDate(result.outcome.noticeDeadline) },
              { term: 'Dernier jour en vigueur', value: formatCivilDate(result.outcome.lastDayInForce) },
              { term: 'Prise d’effet de la sortie', value: formatCivilDate(result.outcome.effectiveOn) },
              ...(result.outcome.mayBeHeldUntil ? [{ term: 'Maintien possible jusqu’au', value: formatCivilDate(result.outcome.mayBeHeldUntil) }] : []),
            ]}
          />
        </section>
      ) : null}
    </section>
  );
}
