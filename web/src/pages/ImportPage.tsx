import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api, departementCodeSchema } from '../api/endpoints.ts';
import type { TerritoryImportResult } from '../shared.ts';
import { ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { Alert, errorMessage, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatInteger, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';
import { useFormErrors } from '../lib/form-errors.ts';

const LABELS = { departements: 'Départements', providerId: 'Fournisseur à lier' };
const idOf = (field: string) => `import-${field}`;

/** "62, 80 2A" → ["62", "80", "2A"], duplicates removed. */
export function parseDepartements(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

export function ImportPage() {
  useTitle('Import du référentiel');
  const account = useAccount();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const providers = useResource(() => api.providers.list(), 'providers');
  const [departements, setDepartements] = useState('');
  const [providerId, setProviderId] = useState('');
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ value: TerritoryImportResult; departements: string[]; seconds: number } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const codes = parseDepartements(departements);
    if (codes.length === 0) return fail({ departements: 'indiquez au moins un département (ex. 62, 80)' });
    const invalid = codes.filter((c) => !departementCodeSchema.safeParse(c).success);
    if (invalid.length) return fail({ departements: `code${invalid.length > 1 ? 's' : ''} de département invalide${invalid.length > 1 ? 's' : ''} : ${invalid.join(', ')} (attendu : 62, 2A, 974…)` });
    if (codes.length > 120) return fail({ departements: '120 départements au plus par import' });
    clear();
    setResult(null);
    setBusy(true);
    announce(`Import en cours pour ${codes.length > 1 ? 'les départements' : 'le département'} ${codes.join(', ')}…`);
    const started = performance.now();
    try {
      const value = await api.imports.territory({ departements: codes, ...(platform && providerId ? { providerId } : {}) });
      const seconds = (performance.now() - started) / 1000;
      setResult({ value, departements: codes, seconds });
      announce(
        `Import terminé : ${plural(value.communes.created, 'commune créée', 'communes créées')}, ${plural(value.communes.updated, 'mise à jour', 'mises à jour')}, ` +
          `${plural(value.epci.created, 'EPCI créé', 'EPCI créés')}.`,
      );
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (error) {
      announce("L'import a échoué.");
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, Object.keys(LABELS));
        fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      } else {
        fail({}, [errorMessage(error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  const ownProvider = !platform ? providers.data?.find((p) => p.id === account.organisationId) : undefined;
  return (
    <>
      <PageHeader
        title="Import du référentiel"
        lead="Crée ou met à jour les communes et les EPCI à fiscalité propre à partir du découpage administratif officiel (INSEE, BANATIC) : nom, SIREN, code INSEE, population et EPCI de rattachement."
      />
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="L'import n'a pas été lancé" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          id={idOf('departements')}
          label={LABELS.departements}
          hint="Un ou plusieurs codes séparés par des virgules, par exemple : 62, 80"
          required
          autoComplete="off"
          value={departements}
          error={errors.departements}
          onChange={(e) => setDepartements(e.target.value)}
        />
        {platform ? (
          <SelectField
            id={idOf('providerId')}
            label={LABELS.providerId}
            hint="Facultatif : les organisations importées deviennent prospects de ce fournisseur."
            value={providerId}
            error={errors.providerId}
            onChange={(e) => setProviderId(e.target.value)}
          >
            <option value="">Aucun</option>
            {providers.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.shortName} — {p.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="muted">
            Les organisations importées seront liées à votre fournisseur{ownProvider ? `, ${ownProvider.shortName},` : ''} comme prospects.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" aria-disabled={busy || undefined}>
            {busy ? 'Import en cours…' : "Lancer l'import"}
          </button>
        </div>
      </form>

      <section className="section" aria-labelledby="import-resultat-titre" aria-busy={busy}>
        <h2 id="import-resultat-titre">Résultat</h2>
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" /> Import en cours : lecture du référentiel et mise à jour du registre…
          </p>
        ) : null}
        {!busy && !result ? <p className="muted">Aucun import lancé depuis l'ouverture de cette page.</p> : null}
        {result ? (
          <>
            <Alert tone="success" title={`Import terminé en ${result.seconds.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`} focusRef={resultRef}>
              <p>
                Départements : {result.departements.join(', ')}.{' '}
                {result.value.linkedToProvider ? `${plural(result.value.linkedToProvider, 'organisation liée', 'organisations liées')} au fournisseur comme prospects.` : ''}
              </p>
            </Alert>
            <TableScroll label="Résultat de l'import" compact>
              <table className="table table-compact">
                <caption>Organisations créées, mises à jour et inchangées</caption>
                <thead>
                  <tr>
                    <th scope="col">Catégorie</th>
                    <th scope="col" className="num">
                      Créées
                    </th>
                    <th scope="col" className="num">
                      Mises à jour
                    </th>
                    <th scope="col" className="num">
                      Inchangées
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Communes</th>
                    <td className="num">{formatInteger(result.value.communes.created)}</td>
                    <td className="num">{formatInteger(result.value.communes.updated)}</td>
                    <td className="num">{formatInteger(result.value.communes.unchanged)}</td>
                  </tr>
                  <tr>
                    <th scope="row">EPCI</th>
                    <td className="num">{formatInteger(result.value.epci.created)}</td>
                    <td className="num">{formatInteger(result.value.epci.updated)}</td>
                    <td className="num">{formatInteger(result.value.epci.unchanged)}</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
            <ul className="shortcut-list">
              {result.departements.slice(0, 5).map((d) => (
                <li key={d}>
                  <Link to={`/organisations?${new URLSearchParams({ departement: d })}`}>Voir les organisations du département {d} dans le registre</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
