import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { catalogueDocumentOf, type Names, lineKindLabel, lineStatusLabel, nodeName, nodeOfKey, unitLabel, WITHDRAWAL_REASONS, type CatalogueLine, type WithdrawalReason } from '../lib/catalogue.ts';
import {
  apiCatalogueDocumentSchema,
  LINE_KIND_VALUES,
  LINE_STATUS_VALUES,
  nodeKey,
  UNIT_VALUES,
  type CatalogueDocument,
  type CatalogueView,
  type LineKind,
  type LineStatus,
  type NodeRef,
  type Unit,
} from '../shared.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from './forms.tsx';
import { errorMessage } from './ui.tsx';

/**
 * Catalogue editing for the provider's staff. The API takes the whole catalogue: each save rebuilds the
 * document from the view, changes one thing, checks it with the shared contract, and PUTs it. The
 * server's refusals (unknown references, duplicate codes, circular prerequisites) come back as issues.
 */

type Issue = { path: string | readonly PropertyKey[]; message: string };

const pathText = (path: Issue['path']) => (typeof path === 'string' ? path : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''));

/** Node keys in a server message (« category:socle → line:postes-n2 ») replaced by their names. */
export function readableMessage(view: Names, message: string): string {
  return message.replace(/\b(category|line):([a-z0-9][a-z0-9_.-]*)/g, (_all, kind: string, code: string) => {
    const node: NodeRef = kind === 'category' ? { category: code } : { line: code };
    return `${kind === 'category' ? 'catégorie' : 'ligne'} « ${nodeName(view, node)} »`;
  });
}

/** An issue about the document, in words: which line, category or prerequisite it is about. */
export function issueText(doc: Names & Pick<CatalogueDocument, 'dependencies'>, issue: Issue): string {
  const path = pathText(issue.path);
  const message = readableMessage(doc, issue.message);
  const at = /^(lines|categories|dependencies|sharedCharges)(?:\[(\d+)\]|\.(\d+))?/.exec(path);
  if (!at) return message;
  const index = at[2] ?? at[3];
  const i = index === undefined ? -1 : Number(index);
  switch (at[1]) {
    case 'lines':
      return i >= 0 ? `Ligne « ${doc.lines[i]?.name ?? i + 1} » : ${message}` : message;
    case 'categories':
      return i >= 0 ? `Catégorie « ${doc.categories[i]?.name ?? i + 1} » : ${message}` : message;
    case 'dependencies': {
      const d = i >= 0 ? doc.dependencies[i] : undefined;
      return d ? `Prérequis « ${nodeName(doc, d.from)} » → « ${nodeName(doc, d.requires)} » : ${message}` : `Prérequis : ${message}`;
    }
    default:
      return `Facturation partagée : ${message}`;
  }
}

/** Issues of the field `lines[index].<field>` go to that field; the rest are general messages. */
function splitLineIssues(doc: Names & Pick<CatalogueDocument, 'dependencies'>, issues: readonly Issue[], index: number, fields: readonly string[]) {
  const found: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const match = /^lines(?:\[(\d+)\]|\.(\d+))\.(\w+)/.exec(pathText(issue.path));
    const field = match && Number(match[1] ?? match[2]) === index ? match[3] : undefined;
    if (field && fields.includes(field)) found[field] ??= readableMessage(doc, issue.message);
    else general.push(issueText(doc, issue));
  }
  return { fields: found, general };
}

export type SaveOutcome = { ok: true; view: CatalogueView } | { ok: false; issues: Issue[]; message: string };

/** Checks the document with the contract, then PUTs it. */
export async function saveCatalogue(providerId: string, doc: CatalogueDocument): Promise<SaveOutcome> {
  const parsed = apiCatalogueDocumentSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues, message: 'Catalogue invalide' };
  try {
    return { ok: true, view: await api.catalogue.replace(providerId, parsed.data) };
  } catch (error) {
    if (error instanceof ApiError && error.isValidation) return { ok: false, issues: error.issues, message: error.message };
    return { ok: false, issues: [], message: errorMessage(error) };
  }
}

function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

const LINE_LABELS = {
  code: 'Code',
  name: 'Intitulé',
  description: 'Description',
  kind: 'Nature',
  unit: 'Unité de compte',
  status: 'Statut',
  withdrawalReason: 'Motif du retrait',
  additiveTo: "S'ajoute à",
};
const LINE_FIELDS = Object.keys(LINE_LABELS);

interface LineDraft {
  code: string;
  name: string;
  description: string;
  kind: string;
  unit: string;
  status: string;
  withdrawalReason: string;
  additiveTo: string;
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
  const headingRef = useFocusOnOpen();
  const [draft, setDraft] = useState<LineDraft>({
    code: line?.code ?? '',
    name: line?.name ?? '',
    description: line?.description ?? '',
    kind: line?.kind ?? 'continuous',
    unit: line?.unit ?? 'workstation',
    status: line?.status ?? 'proposed',
    withdrawalReason: line?.withdrawalReason ?? '',
    additiveTo: line?.additiveTo ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const categoryName = view.categories.find((c) => c.code === category)?.name ?? category;
  const set = (field: keyof LineDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const doc = catalogueDocumentOf(view);
    const withdrawn = draft.status === 'withdrawn';
    const fields: FieldErrors = {};
    if (withdrawn && !draft.withdrawalReason) fields.withdrawalReason = 'indiquez le motif du retrait';
    const values = {
      name: draft.name.trim(),
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
      status: draft.status as LineStatus,
      ...(withdrawn && draft.withdrawalReason ? { withdrawalReason: draft.withdrawalReason as WithdrawalReason } : {}),
    };
    let index: number;
    if (line) {
      index = doc.lines.findIndex((l) => l.code === line.code);
      const { description: _description, withdrawalReason: _reason, ...kept } = doc.lines[index]!;
      doc.lines[index] = { ...kept, ...values };
    } else {
      // A new line goes after the last line of its category, so the catalogue keeps its reading order.
      const after = doc.lines.map((l) => l.category).lastIndexOf(category);
      index = after < 0 ? doc.lines.length : after + 1;
      doc.lines.splice(index, 0, {
        code: draft.code.trim(),
        category,
        ...values,
        kind: draft.kind as LineKind,
        unit: draft.unit as Unit,
        options: [],
        ...(draft.additiveTo ? { additiveTo: draft.additiveTo } : {}),
        responsibilities: [],
        technicalPrerequisites: [],
        annexes: [],
      });
    }
    const fail = (issues: readonly Issue[], message?: string) => {
      const split = splitLineIssues(doc, issues, index, LINE_FIELDS);
      setErrors({ ...fields, ...split.fields });
      setGeneral(split.general.length || Object.keys(split.fields).length || Object.keys(fields).length ? split.general : [message ?? 'Le catalogue a été refusé.']);
      setAttempt((a) => a + 1);
    };
    const parsed = apiCatalogueDocumentSchema.safeParse(doc);
    if (!parsed.success || Object.keys(fields).length) return fail(parsed.success ? [] : parsed.error.issues);
    setBusy(true);
    const outcome = await saveCatalogue(view.providerId, doc);
    setBusy(false);
    if (!outcome.ok) return fail(outcome.issues, outcome.message);
    onSaved(outcome.view, line ? `Ligne enregistrée : ${values.name}.` : `Ligne ajoutée à « ${categoryName} » : ${values.name}.`);
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
                {LINE_KIND_VALUES.map((k) => (
                  <option key={k} value={k}>
                    {lineKindLabel(k)}
                  </option>
                ))}
              </SelectField>
              <SelectField id={idOf('unit')} label={LINE_LABELS.unit} value={draft.unit} error={errors.unit} onChange={set('unit')}>
                {UNIT_VALUES.map((u) => (
                  <option key={u} value={u}>
                    {unitLabel(u)}
                  </option>
                ))}
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
            {LINE_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {lineStatusLabel(s)}
              </option>
            ))}
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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : line ? 'Enregistrer la ligne' : 'Ajouter la ligne'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}

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
  const headingRef = useFocusOnOpen();
  const [from, setFrom] = useState('');
  const [requires, setRequires] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  function fail(fields: FieldErrors, messages: string[]) {
    setErrors(fields);
    setGeneral(messages);
    setAttempt((a) => a + 1);
  }

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
    const outcome = await saveCatalogue(view.providerId, doc);
    setBusy(false);
    if (!outcome.ok) return fail({}, outcome.issues.length ? outcome.issues.map((i) => issueText(doc, i)) : [outcome.message]);
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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Ajouter le prérequis'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
