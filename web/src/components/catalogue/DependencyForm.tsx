import { useState, type FormEvent } from 'react';
import { catalogueDocumentOf, nodeName, nodeOfKey } from '../../lib/catalogue.ts';
import { refusalMessages } from '../../lib/catalogue-issues.ts';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { nodeKey, type CatalogueView } from '../../shared.ts';
import { ErrorSummary, SelectField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { saveCatalogue } from './saveCatalogue.ts';

const DEPENDENCY_LABELS = { from: 'Service', requires: 'Nécessite' };

function NodeOptions({ view }: { view: CatalogueView }) {
  return (
    <>
      <optgroup label="Catégories">
        {view.categories.map((c) => (
          <option key={c.code} value={nodeKey({ category: c.code })}>
            {c.name}
          </option>
        ))}
      </optgroup>
      <optgroup label="Lignes">
        {view.lines.map((l) => (
          <option key={l.code} value={nodeKey({ line: l.code })}>
            {l.name}
          </option>
        ))}
      </optgroup>
    </>
  );
}

/** Adds a prerequisite: "this category or line requires that one". */
export function DependencyForm({ view, onSaved, onCancel }: { view: CatalogueView; onSaved(view: CatalogueView, message: string): void; onCancel(): void }) {
  const idOf = (field: string) => `nouveau-prerequis-${field}`;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [from, setFrom] = useState('');
  const [requires, setRequires] = useState('');
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: FieldErrors = {};
    if (!from) fields.from = 'choisissez le service qui a un prérequis';
    if (!requires) fields.requires = 'choisissez le prérequis';
    if (from && from === requires) fields.requires = 'un élément ne peut pas se nécessiter lui-même';
    if (from && requires && view.dependencies.some((d) => nodeKey(d.from) === from && nodeKey(d.requires) === requires)) fields.requires = 'ce prérequis existe déjà';
    if (Object.keys(fields).length) return fail(fields, []);
    const doc = catalogueDocumentOf(view);
    doc.dependencies = [...doc.dependencies, { from: nodeOfKey(from), requires: nodeOfKey(requires) }];
    setBusy(true);
    const outcome = await saveCatalogue(view.providerId, doc, view.version);
    setBusy(false);
    if (!outcome.ok) return fail({}, refusalMessages(doc, outcome));
    onSaved(outcome.view, `Prérequis ajouté : « ${nodeName(view, nodeOfKey(from))} » nécessite « ${nodeName(view, nodeOfKey(requires))} ».`);
  }

  return (
    <section className="panel form-panel" aria-labelledby="nouveau-prerequis-titre">
      <h3 id="nouveau-prerequis-titre" tabIndex={-1} ref={headingRef}>
        Ajouter un prérequis
      </h3>
      <ErrorSummary fields={errors} labels={DEPENDENCY_LABELS} idOf={idOf} general={general} attempt={attempt} title="Le prérequis n'a pas été ajouté" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField id={idOf('from')} label={DEPENDENCY_LABELS.from} hint="La catégorie ou la ligne qui a un prérequis." value={from} error={errors.from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choisir…</option>
            <NodeOptions view={view} />
          </SelectField>
          <SelectField
            id={idOf('requires')}
            label={DEPENDENCY_LABELS.requires}
            hint="Ce qu'il faut avoir souscrit avant ; une catégorie est satisfaite par n'importe laquelle de ses lignes."
            value={requires}
            error={errors.requires}
            onChange={(e) => setRequires(e.target.value)}
          >
            <option value="">Choisir…</option>
            <NodeOptions view={view} />
          </SelectField>
        </div>
        <FormActions busy={busy} label="Ajouter le prérequis" onCancel={onCancel} />
      </form>
    </section>
  );
}
