import { useState, type FormEvent } from 'react';
import { lineKindLabel, lineStatusLabel, unitLabel, WITHDRAWAL_REASONS, type CatalogueLine } from '../../lib/catalogue.ts';
import { splitLineIssues, type Issue } from '../../lib/catalogue-issues.ts';
import { applyLineDraft, LINE_FIELDS, LINE_LABELS, lineDraftOf, type LineDraft } from '../../lib/catalogue-line-draft.ts';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { apiCatalogueDocumentSchema, LINE_KIND_VALUES, LINE_STATUS_VALUES, UNIT_VALUES, type CatalogueView } from '../../shared.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { saveCatalogue } from './saveCatalogue.ts';

/** One `<option>` per value, named by `label`. */
function ValueOptions({ values, label }: { values: readonly string[]; label(value: string): string }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}

/** Edits one line (name, description, status and reason of a withdrawal), or adds a line to a category. */
export function LineForm({
  view,
  line,
  category,
  onSaved,
  onCancel,
}: {
  view: CatalogueView;
  /** null to add a line to `category`. */
  line: CatalogueLine | null;
  category: string;
  onSaved(view: CatalogueView, message: string): void;
  onCancel(): void;
}) {
  const prefix = line ? `ligne-${line.code}` : `nouvelle-ligne-${category}`;
  const idOf = (field: string) => `${prefix}-${field}`;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [draft, setDraft] = useState<LineDraft>(() => lineDraftOf(line));
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const categoryName = view.categories.find((c) => c.code === category)?.name ?? category;
  const set = (field: keyof LineDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { doc, index, name, fields } = applyLineDraft(view, line, category, draft);
    const refuse = (issues: readonly Issue[], message?: string) => {
      const split = splitLineIssues(doc, issues, index, LINE_FIELDS);
      const placed: FieldErrors = { ...fields, ...split.fields };
      fail(placed, split.general.length || Object.keys(split.fields).length || Object.keys(fields).length ? split.general : [message ?? 'Le catalogue a été refusé.']);
    };
    const parsed = apiCatalogueDocumentSchema.safeParse(doc);
    if (!parsed.success || Object.keys(fields).length) return refuse(parsed.success ? [] : parsed.error.issues);
    setBusy(true);
    const outcome = await saveCatalogue(view.providerId, doc, view.version);
    setBusy(false);
    if (!outcome.ok) return refuse(outcome.issues, outcome.message);
    onSaved(outcome.view, line ? `Ligne enregistrée : ${name}.` : `Ligne ajoutée à « ${categoryName} » : ${name}.`);
  }

  const title = line ? `Modifier la ligne « ${line.name} »` : `Ajouter une ligne à « ${categoryName} »`;
  return (
    <section className="panel form-panel" aria-labelledby={`${prefix}-titre`}>
      <h4 id={`${prefix}-titre`} tabIndex={-1} ref={headingRef}>
        {title}
      </h4>
      <ErrorSummary fields={errors} labels={LINE_LABELS} idOf={idOf} general={general} attempt={attempt} title="La ligne n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          {line ? null : (
            <TextField
              id={idOf('code')}
              label={LINE_LABELS.code}
              required
              hint="Minuscules, chiffres, tirets ; par exemple « postes-n3 ». Il ne change plus ensuite."
              autoComplete="off"
              spellCheck={false}
              value={draft.code}
              error={errors.code}
              onChange={set('code')}
            />
          )}
          <TextField id={idOf('name')} label={LINE_LABELS.name} required value={draft.name} error={errors.name} onChange={set('name')} className={line ? 'span-2' : undefined} />
          <TextAreaField id={idOf('description')} label={LINE_LABELS.description} value={draft.description} error={errors.description} onChange={set('description')} className="span-2" rows={4} />
          {line ? null : (
            <>
              <SelectField id={idOf('kind')} label={LINE_LABELS.kind} value={draft.kind} error={errors.kind} onChange={set('kind')}>
                <ValueOptions values={LINE_KIND_VALUES} label={lineKindLabel} />
              </SelectField>
              <SelectField id={idOf('unit')} label={LINE_LABELS.unit} value={draft.unit} error={errors.unit} onChange={set('unit')}>
                <ValueOptions values={UNIT_VALUES} label={unitLabel} />
              </SelectField>
              <SelectField
                id={idOf('additiveTo')}
                label={LINE_LABELS.additiveTo}
                hint="Pour un niveau dont le tarif s'ajoute à celui d'une autre ligne (tarif additionnel)."
                value={draft.additiveTo}
                error={errors.additiveTo}
                onChange={set('additiveTo')}
              >
                <option value="">Aucune (tarif propre)</option>
                {view.lines.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </SelectField>
            </>
          )}
          <SelectField id={idOf('status')} label={LINE_LABELS.status} value={draft.status} error={errors.status} onChange={set('status')}>
            <ValueOptions values={LINE_STATUS_VALUES} label={lineStatusLabel} />
          </SelectField>
          {draft.status === 'withdrawn' ? (
            <SelectField
              id={idOf('withdrawalReason')}
              label={LINE_LABELS.withdrawalReason}
              required
              hint="Un retrait pour raison de sécurité s'applique sur simple information des membres."
              value={draft.withdrawalReason}
              error={errors.withdrawalReason}
              onChange={set('withdrawalReason')}
            >
              <option value="">Choisir…</option>
              {Object.entries(WITHDRAWAL_REASONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        <FormActions busy={busy} label={line ? 'Enregistrer la ligne' : 'Ajouter la ligne'} onCancel={onCancel} />
      </form>
    </section>
  );
}
