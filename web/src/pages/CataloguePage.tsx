import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api, type MissingPrerequisites } from '../api/endpoints.ts';
import { CatalogueDiagram } from '../components/CatalogueDiagram.tsx';
import { DependencyForm, issueText, LineForm, saveCatalogue } from '../components/CatalogueForms.tsx';
import { ErrorSummary } from '../components/forms.tsx';
import { Alert, Badge, errorMessage, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import {
  actsForProvider,
  catalogueDocumentOf,
  lineKindLabel,
  lineStatusLabel,
  nodeName,
  nodeOfKey,
  nodePhrase,
  statusTone,
  unitLabel,
  WITHDRAWAL_REASONS,
  type CatalogueLine,
  type WithdrawalReason,
} from '../lib/catalogue.ts';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { nodeKey, type CatalogueView } from '../shared.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function CataloguePage() {
  const { id = '' } = useParams();
  return <CatalogueScreen id={id} key={id} />;
}

/** Where a success message is shown: next to what was just changed. */
type Flash = { where: string; text: string } | null;

function FlashMessage({ flash, where }: { flash: Flash; where: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = flash?.where === where;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [flash]);
  return shown ? (
    <Alert tone="success" focusRef={ref}>
      <p>{flash.text}</p>
    </Alert>
  ) : null;
}

function CatalogueScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const loaded = useResource((signal) => api.catalogue.get(id, signal), `catalogue-${id}`);
  const [saved, setSaved] = useState<CatalogueView | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const view = saved ?? loaded.data;
  useTitle(view ? `Catalogue : ${view.providerName}` : loaded.error ? 'Catalogue introuvable' : 'Catalogue');
  const editable = allowed('catalogue:write') && actsForProvider(account, id);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage title="Catalogue introuvable" message="Ce fournisseur n'existe pas, ou vous n'avez pas accès à son catalogue." />;
  }
  if (!view) {
    return (
      <>
        <PageHeader title="Catalogue" />
        {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : <Loading />}
      </>
    );
  }

  function onSaved(next: CatalogueView, where: string, text: string) {
    setSaved(next);
    setFlash({ where, text });
    announce(text);
  }

  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title={`Catalogue : ${view.providerName}`}
        breadcrumb={[
          { to: '/catalogues', label: 'Catalogues' },
          ...(member ? [] : [{ to: `/organisations/${id}`, label: view.providerName }]),
        ]}
        lead={
          <>
            {plural(view.categories.length, 'catégorie', 'catégories')} de services, {plural(view.lines.length, 'ligne', 'lignes')}. Un service ne se souscrit
            qu'avec ses prérequis, placés en dessous dans le schéma.
          </>
        }
        actions={
          <Link className="btn btn-secondary" to={`/fournisseurs/${id}/tarifs`}>
            Grilles tarifaires<span className="sr-only"> de {view.providerName}</span>
          </Link>
        }
      />
      {editable ? null : member ? (
        <p className="muted">Consultation seule : le catalogue est tenu par le personnel de {view.providerName}.</p>
      ) : null}
      {view.issues.length ? (
        <Alert tone="warning" title="Incohérences dans ce catalogue">
          <ul>
            {view.issues.map((issue, i) => (
              <li key={i}>{issueText(view, issue)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <nav className="toc" aria-label="Sommaire de la page">
        <h2 className="toc-title">Sur cette page</h2>
        <ul>
          <li>
            <a href="#schema">Schéma du catalogue</a>
          </li>
          <li>
            <a href="#prerequis">Liste des prérequis</a>
          </li>
          {view.sharedCharges.length ? (
            <li>
              <a href="#facturation-partagee">Facturation partagée</a>
            </li>
          ) : null}
          <li>
            <a href="#verifier">Vérifier une sélection de services</a>
          </li>
          <li>
            <a href="#categories">Catégories et lignes de service</a>
          </li>
        </ul>
      </nav>

      <section className="section" aria-labelledby="schema">
        <h2 id="schema">Schéma du catalogue</h2>
        {view.categories.length ? <CatalogueDiagram view={view} /> : <p className="empty">Ce catalogue ne contient encore aucune catégorie.</p>}
      </section>

      <Prerequisites view={view} editable={editable} flash={flash} onSaved={(next, text) => onSaved(next, 'prerequis', text)} />
      <SharedCharges view={view} />
      <MissingChecker view={view} />

      <section className="section" aria-labelledby="categories">
        <h2 id="categories">Catégories et lignes de service</h2>
        {view.categories.map((category) => (
          <CategorySection key={category.code} view={view} code={category.code} editable={editable} flash={flash} onSaved={onSaved} />
        ))}
      </section>
    </>
  );
}

/** The text equivalent of the diagram: every declared prerequisite, with what a line inherits from its category. */
function Prerequisites({
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
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const addRef = useRef<HTMLButtonElement>(null);
  // In the catalogue's reading order: each category, then the lines of that category.
  const order = new Map<string, number>();
  view.categories.forEach((c) => {
    order.set(nodeKey({ category: c.code }), order.size);
    view.lines.filter((l) => l.category === c.code).forEach((l) => order.set(nodeKey({ line: l.code }), order.size));
  });
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  const groups = new Map<string, CatalogueView['dependencies']>();
  for (const d of [...view.dependencies].sort((a, b) => rank(nodeKey(a.from)) - rank(nodeKey(b.from)) || rank(nodeKey(a.requires)) - rank(nodeKey(b.requires)))) {
    groups.set(nodeKey(d.from), [...(groups.get(nodeKey(d.from)) ?? []), d]);
  }

  async function remove(index: number) {
    const d = view.dependencies[index]!;
    const doc = catalogueDocumentOf(view);
    doc.dependencies = doc.dependencies.filter((_, i) => i !== index);
    setBusy(`${nodeKey(d.from)}>${nodeKey(d.requires)}`);
    const outcome = await saveCatalogue(view.providerId, doc);
    setBusy(null);
    if (!outcome.ok) {
      setGeneral(outcome.issues.length ? outcome.issues.map((i) => issueText(doc, i)) : [outcome.message]);
      setAttempt((a) => a + 1);
      return;
    }
    setGeneral([]);
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
      <ErrorSummary fields={{}} labels={{}} idOf={(f) => f} general={general} attempt={attempt} title="Le prérequis n'a pas été supprimé" />
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
                    const label = `${nodePhrase(view, d.requires)}`;
                    return (
                      <li key={nodeKey(d.requires)}>
                        {label}
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

function SharedCharges({ view }: { view: CatalogueView }) {
  if (!view.sharedCharges.length) return null;
  const name = (code: string) => view.lines.find((l) => l.code === code)?.name ?? code;
  return (
    <section className="section" aria-labelledby="facturation-partagee">
      <h2 id="facturation-partagee">Facturation partagée</h2>
      {view.sharedCharges.map((s) => {
        const line = view.lines.find((l) => l.code === s.chargeLine);
        const unit = line ? unitLabel(line.unit) : 'unité';
        return (
          <div className="panel shared-charge" key={s.chargeLine}>
            <p>
              <strong>« {name(s.chargeLine)} »</strong> est facturé une seule fois par {unit}, même quand ce {unit} relève de plusieurs des lignes
              suivantes :
            </p>
            <ul>
              {s.triggeredBy.map((code) => (
                <li key={code}>{name(code)}</li>
              ))}
            </ul>
            <p className="muted small">
              La quantité facturée est la plus grande quantité souscrite parmi ces lignes, pas leur somme : par exemple, 10 postes gérés et 10 postes
              hébergés ne paient « {name(s.chargeLine)} » que pour 10 postes.
            </p>
          </div>
        );
      })}
    </section>
  );
}

/** "What am I missing?": choose lines, the server answers with the prerequisites not chosen. */
function MissingChecker({ view }: { view: CatalogueView }) {
  const announce = useAnnounce();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<{ lines: string[]; missing: MissingPrerequisites } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  const lineName = (code: string) => view.lines.find((l) => l.code === code)?.name ?? code;

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (chosen.length === 0) {
      setGeneral(['Cochez au moins une ligne de service.']);
      setAttempt((a) => a + 1);
      return;
    }
    setGeneral([]);
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

  const byLine = new Map<string, MissingPrerequisites>();
  for (const m of result?.missing ?? []) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  return (
    <section className="section" aria-labelledby="verifier">
      <h2 id="verifier">Vérifier une sélection de services</h2>
      <p>Cochez les lignes que vous envisagez de souscrire : la plateforme indique ce qu'il faudrait souscrire en plus.</p>
      <ErrorSummary fields={{}} labels={{}} idOf={(f) => f} general={general} attempt={attempt} title="La vérification n'a pas été lancée" />
      <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="fieldset">
          <legend className="field-label">Lignes envisagées</legend>
          <div className="checker-groups">
            {view.categories.map((c) => {
              const lines = view.lines.filter((l) => l.category === c.code);
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
          {result.missing.length === 0 ? (
            <Alert tone="success">
              <p>Rien ne manque : ces lignes peuvent être souscrites ensemble.</p>
            </Alert>
          ) : (
            <Alert tone="warning" title={`Il manque ${plural(result.missing.length, 'prérequis', 'prérequis')}`}>
              <ul>
                {[...byLine.entries()].map(([line, missing]) => (
                  <li key={line}>
                    « {lineName(line)} » nécessite aussi :
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
          )}
        </section>
      ) : null}
    </section>
  );
}

function CategorySection({
  view,
  code,
  editable,
  flash,
  onSaved,
}: {
  view: CatalogueView;
  code: string;
  editable: boolean;
  flash: Flash;
  onSaved(view: CatalogueView, where: string, text: string): void;
}) {
  const category = view.categories.find((c) => c.code === code)!;
  const lines = view.lines.filter((l) => l.category === code);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRefs = useRef(new Map<string, HTMLButtonElement>());
  const requires = view.dependencies.filter((d) => 'category' in d.from && d.from.category === code);

  function close(focusOn: string | 'new') {
    setEditing(null);
    setTimeout(() => (focusOn === 'new' ? addRef.current : editRefs.current.get(focusOn))?.focus(), 0);
  }

  return (
    <section className="category" aria-labelledby={`categorie-${code}`}>
      <div className="section-header">
        <h3 id={`categorie-${code}`}>{category.name}</h3>
        {editable && editing === null ? (
          <button type="button" className="btn btn-secondary btn-small" ref={addRef} onClick={() => setEditing('new')}>
            Ajouter une ligne<span className="sr-only"> à « {category.name} »</span>
          </button>
        ) : null}
      </div>
      {category.description ? <p className="category-description">{category.description}</p> : null}
      {requires.length ? (
        <p className="small">
          <strong>Prérequis :</strong> {requires.map((d) => nodePhrase(view, d.requires)).join(', ')}.
        </p>
      ) : null}
      <FlashMessage flash={flash} where={`categorie-${code}`} />
      {editing === 'new' ? (
        <LineForm
          view={view}
          line={null}
          category={code}
          onSaved={(next, text) => {
            setEditing(null);
            onSaved(next, `categorie-${code}`, text);
          }}
          onCancel={() => close('new')}
        />
      ) : null}
      {lines.length === 0 ? <p className="empty">Aucune ligne dans cette catégorie.</p> : null}
      <div className="line-cards">
        {lines.map((line) =>
          editing === line.code ? (
            <LineForm
              key={line.code}
              view={view}
              line={line}
              category={code}
              onSaved={(next, text) => {
                setEditing(null);
                onSaved(next, `categorie-${code}`, text);
              }}
              onCancel={() => close(line.code)}
            />
          ) : (
            <LineCard
              key={line.code}
              view={view}
              line={line}
              action={
                editable && editing === null ? (
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    ref={(el) => {
                      if (el) editRefs.current.set(line.code, el);
                    }}
                    onClick={() => setEditing(line.code)}
                  >
                    Modifier<span className="sr-only"> la ligne « {line.name} »</span>
                  </button>
                ) : null
              }
            />
          ),
        )}
      </div>
    </section>
  );
}

function LineCard({ view, line, action }: { view: CatalogueView; line: CatalogueLine; action: ReactNode }) {
  const additiveTo = line.additiveTo ? view.lines.find((l) => l.code === line.additiveTo) : undefined;
  const lineRequires = view.dependencies.filter((d) => 'line' in d.from && d.from.line === line.code);
  const items: { term: string; value: ReactNode }[] = [
    { term: 'Nature', value: lineKindLabel(line.kind) },
    { term: 'Unité de compte', value: unitLabel(line.unit) },
  ];
  if (additiveTo) items.push({ term: 'Tarif additionnel', value: <>s'ajoute à « {additiveTo.name} »</> });
  if (lineRequires.length) items.push({ term: 'Nécessite', value: lineRequires.map((d) => nodePhrase(view, d.requires)).join(', ') });
  if (line.options.length) {
    items.push({
      term: 'Options',
      value: (
        <ul className="plain-list">
          {line.options.map((o) => (
            <li key={o.code}>
              <strong>{o.label}</strong> : {o.values.map((v) => v.label).join(' ; ')}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (line.deliveredByName) items.push({ term: 'Délivrée par', value: line.deliveredByName });
  if (line.subProviderName) items.push({ term: 'Sous-traitant', value: line.subProviderName });
  if (line.annexes.length) {
    items.push({
      term: 'Annexes',
      value: (
        <ul className="plain-list">
          {line.annexes.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ),
    });
  }
  return (
    <article className={`line-card${line.status === 'withdrawn' ? ' is-withdrawn' : ''}`} aria-labelledby={`ligne-${line.code}-nom`}>
      <div className="line-card-header">
        <h4 id={`ligne-${line.code}-nom`}>{line.name}</h4>
        {action}
      </div>
      <p className="line-card-meta">
        <Badge tone={statusTone(line.status)}>
          <span className="sr-only">Statut : </span>
          {lineStatusLabel(line.status)}
        </Badge>{' '}
        <span className="mono small">{line.code}</span>
      </p>
      {line.status === 'withdrawn' && line.withdrawalReason ? (
        <p className="small">
          <strong>Motif du retrait :</strong> {WITHDRAWAL_REASONS[line.withdrawalReason as WithdrawalReason] ?? line.withdrawalReason}
        </p>
      ) : null}
      <div className="line-card-body">
        <div>
          {line.description ? <p className="line-description">{line.description}</p> : null}
          {line.technicalPrerequisites.length ? (
            <div className="checklist-block">
              <h5>Prérequis techniques à remplir</h5>
              <ul className="checklist">
                {line.technicalPrerequisites.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div>
          <dl className="line-facts">
            {items.map((item) => (
              <div key={item.term}>
                <dt>{item.term}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
      {line.responsibilities.length ? (
        <TableScroll label={`Répartition des rôles pour « ${line.name} »`}>
          <table className="table">
            <caption>Qui fait quoi pour « {line.name} »</caption>
            <thead>
              <tr>
                <th scope="col">Partie</th>
                <th scope="col">Tâches</th>
              </tr>
            </thead>
            <tbody>
              {line.responsibilities.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.partyName || 'Organisation inconnue'}</th>
                  <td>{r.tasks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
        </div>
      </div>
    </article>
  );
}
