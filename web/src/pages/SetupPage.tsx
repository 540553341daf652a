import { useRef, useState, type FormEvent } from 'react';
import { ApiError, type Issue } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ErrorSummary, TextAreaField, type FieldErrors } from '../components/forms.tsx';
import { Alert, errorMessage, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { FIELD_LABELS } from '../lib/audit.ts';
import { formatInteger, plural } from '../lib/format.ts';
import { useTitle } from '../lib/hooks.ts';
import type { SetupLoadResult } from '../shared.ts';

const LABELS = { content: 'Contenu du fichier', file: 'Fichier' };
const idOf = (field: string) => `parametrage-${field}`;

/** Issues name where they are: "organisations[0].kind (ligne 5)" or "ligne 3" for a syntax error. */
export function locate(issue: Issue): { path: string; line: number | null } {
  const withLine = /^(.*?)\s*\(ligne (\d+)\)$/.exec(issue.path);
  if (withLine) return { path: withLine[1] ?? '', line: Number(withLine[2]) };
  const onlyLine = /^ligne (\d+|\?)$/.exec(issue.path);
  if (onlyLine) return { path: '', line: onlyLine[1] === '?' ? null : Number(onlyLine[1]) };
  return { path: issue.path, line: null };
}

type Outcome = { kind: 'ok'; result: SetupLoadResult } | { kind: 'invalid'; message: string; issues: Issue[]; dryRun: boolean } | { kind: 'error'; message: string };

export function SetupPage() {
  useTitle('Paramétrage');
  const announce = useAnnounce();
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<false | 'dry' | 'load'>(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [dryRun, setDryRun] = useState(true);

  async function readFile(file: File | undefined) {
    if (!file) return;
    try {
      setContent(await file.text());
      setFileName(file.name);
      setOutcome(null);
      announce(`Fichier ${file.name} chargé dans la zone de texte.`);
    } catch {
      setErrors({ file: 'le fichier ne peut pas être lu' });
      setAttempt((a) => a + 1);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!content.trim()) {
      setErrors({ content: 'collez le contenu du fichier ou choisissez un fichier' });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({});
    setOutcome(null);
    setBusy(dryRun ? 'dry' : 'load');
    try {
      const result = await api.setup.load(content, dryRun);
      setOutcome({ kind: 'ok', result });
      announce(result.dryRun ? 'Vérification réussie : le fichier est valide, rien n’a été enregistré.' : 'Fichier chargé et enregistré.');
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        setOutcome({ kind: 'invalid', message: error.message, issues: error.issues, dryRun });
        announce(`${error.message} : ${plural(error.issues.length, 'erreur', 'erreurs')}. Rien n’a été enregistré.`);
      } else {
        setOutcome({ kind: 'error', message: errorMessage(error) });
        announce('Le chargement a échoué.');
      }
    } finally {
      setBusy(false);
      setTimeout(() => outcomeRef.current?.focus(), 0);
    }
  }

  function goToLine(line: number) {
    const area = textareaRef.current;
    if (!area) return;
    const lines = content.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    area.focus();
    area.setSelectionRange(start, end);
    // Scroll the textarea so that the selected line is visible.
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  const lineCount = content ? content.split('\n').length : 0;
  return (
    <>
      <PageHeader
        title="Paramétrage"
        lead="Chargez le fichier de paramétrage d'un fournisseur (YAML ou JSON) : organisations, liens d'adhésion et contacts. Le chargement est tout ou rien : au moindre problème, rien n'est écrit et chaque erreur est signalée avec sa ligne."
      />
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} attempt={attempt} />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={Boolean(busy)}>
        <div className={`field${errors.file ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={idOf('file')}>
            {LABELS.file}
          </label>
          <p className="field-hint" id={`${idOf('file')}-hint`}>
            Facultatif : formats .yaml, .yml ou .json ; son contenu est recopié dans la zone de texte ci-dessous.
          </p>
          {errors.file ? (
            <p className="field-error" id={`${idOf('file')}-error`}>
              <span className="sr-only">Erreur : </span>
              {errors.file}
            </p>
          ) : null}
          <input
            id={idOf('file')}
            type="file"
            className="input-file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            aria-describedby={`${idOf('file')}-hint${errors.file ? ` ${idOf('file')}-error` : ''}`}
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </div>
        <TextAreaField
          id={idOf('content')}
          ref={textareaRef}
          label={LABELS.content}
          hint={
            <>
              YAML ou JSON, selon le{' '}
              <a href="/api/v1/setup/schema.json" target="_blank" rel="noreferrer">
                schéma publié (JSON Schema, nouvelle fenêtre)
              </a>
              .{lineCount ? ` ${plural(lineCount, 'ligne', 'lignes')}${fileName ? `, depuis ${fileName}` : ''}.` : ''}
            </>
          }
          required
          rows={16}
          spellCheck={false}
          className="code-field"
          value={content}
          error={errors.content}
          onChange={(e) => setContent(e.target.value)}
        />
        <fieldset className="field fieldset">
          <legend className="field-label">Mode</legend>
          <div className="radio-list">
            <div className="checkbox">
              <input type="radio" id={idOf('mode-dry')} name="mode" checked={dryRun} onChange={() => setDryRun(true)} />
              <label htmlFor={idOf('mode-dry')}>Vérifier seulement (simulation : rien n'est enregistré)</label>
            </div>
            <div className="checkbox">
              <input type="radio" id={idOf('mode-load')} name="mode" checked={!dryRun} onChange={() => setDryRun(false)} />
              <label htmlFor={idOf('mode-load')}>Charger et enregistrer dans le registre</label>
            </div>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" aria-disabled={busy ? true : undefined}>
            {busy === 'dry' ? 'Vérification…' : busy === 'load' ? 'Chargement…' : dryRun ? 'Vérifier le fichier' : 'Charger le fichier'}
          </button>
        </div>
      </form>

      <section className="section" aria-labelledby="parametrage-resultat-titre" aria-busy={Boolean(busy)}>
        <h2 id="parametrage-resultat-titre">Résultat</h2>
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" /> {busy === 'dry' ? 'Vérification du fichier…' : 'Chargement du fichier…'}
          </p>
        ) : null}
        {!busy && !outcome ? <p className="muted">Aucun fichier vérifié pour l'instant.</p> : null}
        {outcome?.kind === 'ok' ? (
          <>
            <Alert
              tone="success"
              focusRef={outcomeRef}
              title={outcome.result.dryRun ? 'Fichier valide (simulation) : rien n’a été enregistré' : 'Fichier chargé et enregistré'}
            >
              <p>« {outcome.result.title} »</p>
            </Alert>
            <TableScroll label="Bilan du fichier" compact>
              <table className="table table-compact">
                <caption>{outcome.result.dryRun ? 'Ce que le chargement ferait' : 'Ce que le chargement a fait'}</caption>
                <thead>
                  <tr>
                    <th scope="col">Section</th>
                    <th scope="col" className="num">
                      Créations
                    </th>
                    <th scope="col" className="num">
                      Mises à jour
                    </th>
                    <th scope="col" className="num">
                      Inchangés
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(['organisations', 'memberships', 'contacts'] as const).map((section) => (
                    <tr key={section}>
                      <th scope="row">{FIELD_LABELS[section]}</th>
                      <td className="num">{formatInteger(outcome.result[section].created)}</td>
                      <td className="num">{formatInteger(outcome.result[section].updated)}</td>
                      <td className="num">{formatInteger(outcome.result[section].unchanged)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : null}
        {outcome?.kind === 'invalid' ? (
          <>
            <Alert tone="error" focusRef={outcomeRef} title={`${outcome.message} : ${plural(outcome.issues.length, 'erreur', 'erreurs')}`}>
              <p>Rien n'a été enregistré. Corrigez le fichier puis vérifiez-le de nouveau.</p>
            </Alert>
            <TableScroll label="Erreurs du fichier">
              <table className="table">
                <caption>Erreurs du fichier, avec leur ligne et leur emplacement</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Ligne
                    </th>
                    <th scope="col">Emplacement</th>
                    <th scope="col">Erreur</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.issues.map((issue, i) => {
                    const where = locate(issue);
                    return (
                      <tr key={i}>
                        <td className="num">
                          {where.line ? (
                            <button type="button" className="btn btn-link" onClick={() => goToLine(where.line!)}>
                              {where.line}
                              <span className="sr-only"> : aller à la ligne dans la zone de texte</span>
                            </button>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td className="mono">{where.path || '—'}</td>
                        <td className="break">{issue.message}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : null}
        {outcome?.kind === 'error' ? (
          <Alert tone="error" focusRef={outcomeRef} title="Le chargement a échoué">
            <p>{outcome.message}</p>
          </Alert>
        ) : null}
      </section>
    </>
  );
}
