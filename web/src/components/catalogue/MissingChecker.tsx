import { useState, type FormEvent } from 'react';
import { api, type MissingPrerequisites } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { lineStatusLabel, nodeName, nodeOfKey } from '../../lib/catalogue.ts';
import { linesOf } from '../../lib/catalogue-order.ts';
import { useFocusWhen } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { plural } from '../../lib/format.ts';
import type { CatalogueView } from '../../shared.ts';
import { ErrorSummary } from '../forms.tsx';
import { Alert, errorMessage } from '../ui.tsx';

type CheckResult = { lines: string[]; missing: MissingPrerequisites };

/** "What am I missing?": choose lines, the server answers with the prerequisites not chosen. */
export function MissingChecker({ view }: { view: CatalogueView }) {
  const announce = useAnnounce();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const resultRef = useFocusWhen<HTMLElement>(result !== null, result);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (chosen.length === 0) return fail({}, ['Cochez au moins une ligne de service.']);
    clear();
    setError(null);
    setBusy(true);
    try {
      const missing = await api.catalogue.missingPrerequisites(view.providerId, chosen);
      setResult({ lines: chosen, missing });
      announce(missing.length ? `${plural(missing.length, 'prérequis manque', 'prérequis manquent')} à cette sélection.` : 'Rien ne manque à cette sélection.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="verifier">
      <h2 id="verifier">Vérifier une sélection de services</h2>
      <p>Cochez les lignes que vous envisagez de souscrire : la plateforme indique ce qu'il faudrait souscrire en plus.</p>
      <ErrorSummary fields={errors} labels={{}} idOf={(f) => f} general={general} attempt={attempt} title="La vérification n'a pas été lancée" />
      <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="fieldset">
          <legend className="field-label">Lignes envisagées</legend>
          <div className="checker-groups">
            {view.categories.map((c) => {
              const lines = linesOf(view, c.code);
              if (!lines.length) return null;
              return (
                <div key={c.code} className="checker-group" role="group" aria-labelledby={`verifier-${c.code}`}>
                  <p className="checker-group-title" id={`verifier-${c.code}`}>
                    {c.name}
                  </p>
                  {lines.map((l) => (
                    <div className="checkbox" key={l.code}>
                      <input
                        type="checkbox"
                        id={`verifier-ligne-${l.code}`}
                        checked={chosen.includes(l.code)}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, l.code] : chosen.filter((x) => x !== l.code))}
                      />
                      <label htmlFor={`verifier-ligne-${l.code}`}>
                        {l.name}
                        {l.status !== 'active' ? <span className="muted"> ({lineStatusLabel(l.status).toLowerCase()})</span> : null}
                      </label>
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Vérification…' : 'Vérifier'}
          </button>
          {chosen.length ? (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setChosen([]);
                setResult(null);
              }}
            >
              Tout décocher
            </button>
          ) : null}
        </div>
      </form>
      {error ? (
        <Alert tone="error" role="alert" title="La vérification a échoué">
          <p>{error}</p>
        </Alert>
      ) : null}
      {result ? (
        <section className="checker-result" tabIndex={-1} ref={resultRef} aria-labelledby="verifier-resultat">
          <h3 id="verifier-resultat">Résultat pour {plural(result.lines.length, 'ligne', 'lignes')}</h3>
          <MissingList view={view} missing={result.missing} />
        </section>
      ) : null}
    </section>
  );
}

/** The answer: nothing missing, or what each chosen line still needs. */
function MissingList({ view, missing: all }: { view: CatalogueView; missing: MissingPrerequisites }) {
  if (all.length === 0) {
    return (
      <Alert tone="success">
        <p>Rien ne manque : ces lignes peuvent être souscrites ensemble.</p>
      </Alert>
    );
  }
  const byLine = new Map<string, MissingPrerequisites>();
  for (const m of all) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  return (
    <Alert tone="warning" title={`Il manque ${plural(all.length, 'prérequis', 'prérequis')}`}>
      <ul>
        {[...byLine.entries()].map(([line, missing]) => (
          <li key={line}>
            « {nodeName(view, { line })} » nécessite aussi :
            <ul>
              {missing.map((m) => {
                const node = nodeOfKey(m.requires);
                return (
                  <li key={m.requires}>
                    {'category' in node ? 'la catégorie' : 'la ligne'} « {m.requiresLabel} »
                    {'category' in node ? <span className="muted"> (n'importe laquelle de ses lignes)</span> : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
