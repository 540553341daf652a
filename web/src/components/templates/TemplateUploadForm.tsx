import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api, type TemplateInfo } from '../../api/endpoints.ts';
import { ErrorSummary, splitIssues } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import { useFormErrors } from '../../lib/form-errors.ts';

const LABELS = { file: 'Fichier du modèle (.docx)' };

/**
 * Uploads a Word template: the server checks every tag before the file replaces the template in force, and
 * names each faulty tag ("{adherent_nmo} : balise inconnue…").
 */
export function TemplateUploadForm({ providerId, template, onUploaded }: { providerId: string; template: TemplateInfo; onUploaded(fileName: string): void }) {
  const idOf = (field: string) => `modele-${template.kind}-${field}`;
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!file) return fail({ file: 'choisissez le fichier .docx du modèle' });
    if (!/\.docx$/i.test(file.name)) return fail({ file: 'un fichier Word .docx est attendu' });
    setBusy(true);
    try {
      await api.templates.upload(providerId, template.kind, file, file.name.slice(-200));
      setBusy(false);
      clear();
      setFile(null);
      setInputKey((k) => k + 1);
      onUploaded(file.name);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        // Each issue names a tag of the template, not a field of this form: all of them are listed.
        const { general: issues } = splitIssues(error.issues, []);
        return fail({ file: "le modèle n'a pas été accepté : corrigez-le dans Word, puis déposez-le à nouveau" }, issues.length ? issues : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  const hint = `${idOf('file')}-hint`;
  const errorId = `${idOf('file')}-error`;
  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le modèle n'a pas été déposé" />
      <form className="inline-form" onSubmit={submit} noValidate aria-busy={busy} aria-label={`Déposer un modèle : ${template.label}`}>
        <div className={`field${errors.file ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={idOf('file')}>
            {LABELS.file}
          </label>
          <p className="field-hint" id={hint}>
            Partez du modèle en vigueur, modifiez-le dans Word en gardant les balises entre accolades.
          </p>
          {errors.file ? (
            <p className="field-error" id={errorId}>
              <span className="sr-only">Erreur : </span>
              {errors.file}
            </p>
          ) : null}
          <input
            key={inputKey}
            id={idOf('file')}
            type="file"
            className="input-file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={`${hint}${errors.file ? ` ${errorId}` : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="form-actions field">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Vérification…' : 'Déposer ce modèle'}
            <span className="sr-only"> : {template.label}</span>
          </button>
        </div>
      </form>
    </>
  );
}
