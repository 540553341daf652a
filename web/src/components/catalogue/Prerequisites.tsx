import { useRef, useState } from 'react';
import { catalogueDocumentOf, nodeName, nodeOfKey, nodePhrase } from '../../lib/catalogue.ts';
import { refusalMessages } from '../../lib/catalogue-issues.ts';
import { dependenciesBySubject } from '../../lib/catalogue-order.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { nodeKey, type CatalogueView } from '../../shared.ts';
import { ErrorSummary } from '../forms.tsx';
import { DependencyForm } from './DependencyForm.tsx';
import { FlashMessage, type Flash } from './FlashMessage.tsx';
import { saveCatalogue } from './saveCatalogue.ts';

/** The text equivalent of the diagram: every declared prerequisite, with what a line inherits from its category. */
export function Prerequisites({
  view,
  editable,
  flash,
  onSaved,
}: {
  view: CatalogueView;
  editable: boolean;
  flash: Flash;
  onSaved(view: CatalogueView, text: string): void;
}) {
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const addRef = useRef<HTMLButtonElement>(null);
  const groups = dependenciesBySubject(view);

  async function remove(index: number) {
    const d = view.dependencies[index]!;
    const doc = catalogueDocumentOf(view);
    doc.dependencies = doc.dependencies.filter((_, i) => i !== index);
    setBusy(`${nodeKey(d.from)}>${nodeKey(d.requires)}`);
    const outcome = await saveCatalogue(view.providerId, doc, view.version);
    setBusy(null);
    if (!outcome.ok) return fail({}, refusalMessages(doc, outcome));
    clear();
    onSaved(outcome.view, `Prérequis supprimé : « ${nodeName(view, d.from)} » ne nécessite plus « ${nodeName(view, d.requires)} ».`);
  }

  return (
    <section className="section" aria-labelledby="prerequis">
      <div className="section-header">
        <h2 id="prerequis">Liste des prérequis</h2>
        {editable && !adding ? (
          <button type="button" className="btn btn-secondary btn-small" ref={addRef} onClick={() => setAdding(true)}>
            Ajouter un prérequis
          </button>
        ) : null}
      </div>
      <p>
        La même information que le schéma, en texte. Une ligne hérite des prérequis de sa catégorie ; un prérequis de catégorie est satisfait par
        n'importe laquelle de ses lignes.
      </p>
      <FlashMessage flash={flash} where="prerequis" />
      <ErrorSummary fields={errors} labels={{}} idOf={(f) => f} general={general} attempt={attempt} title="Le prérequis n'a pas été supprimé" />
      {view.dependencies.length === 0 ? (
        <p className="empty">Aucun prérequis : chaque service peut être souscrit seul.</p>
      ) : (
        <ul className="prerequisite-list">
          {[...groups.entries()].map(([key, list]) => {
            const from = nodeOfKey(key);
            return (
              <li key={key}>
                <span className="prerequisite-subject">
                  {'category' in from ? 'Catégorie' : 'Ligne'} « {nodeName(view, from)} »
                </span>{' '}
                nécessite :
                <ul>
                  {list.map((d) => {
                    const index = view.dependencies.indexOf(d);
                    return (
                      <li key={nodeKey(d.requires)}>
                        {nodePhrase(view, d.requires)}
                        {editable ? (
                          <>
                            {' '}
                            <button type="button" className="btn btn-link" onClick={() => remove(index)} disabled={busy !== null}>
                              {busy === `${key}>${nodeKey(d.requires)}` ? 'Suppression…' : 'Supprimer'}
                              <span className="sr-only">
                                {' '}
                                le prérequis : « {nodeName(view, d.from)} » nécessite « {nodeName(view, d.requires)} »
                              </span>
                            </button>
                          </>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <DependencyForm
          view={view}
          onSaved={(next, text) => {
            setAdding(false);
            onSaved(next, text);
          }}
          onCancel={() => {
            setAdding(false);
            setTimeout(() => addRef.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}
