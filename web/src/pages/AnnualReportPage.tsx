import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ReportFigures } from '../components/governance/ReportFigures.tsx';
import { SelectField, TextAreaField } from '../components/forms.tsx';
import { Alert, Badge, errorMessage, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatCivilDate } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { REPORT_TEXTS, type AnnualReportView, type ReportTextKey } from '../shared.ts';

export function AnnualReportPage() {
  const { id = '', annee = '' } = useParams();
  return <ReportScreen id={id} year={Number(annee)} key={`${id}-${annee}`} />;
}

/**
 * The steering committee's yearly report on an agreement (seed 001 art. 6.3): the year's figures, the committee's texts
 * (a draft edited until it is made final, then frozen), and the report as Word or PDF.
 */
function ReportScreen({ id, year }: { id: string; year: number }) {
  const announce = useAnnounce();
  const navigate = useNavigate();
  const loaded = useResource((signal) => api.governance.report(id, year, signal), `report-${id}-${year}`);
  const [updated, setUpdated] = useState<AnnualReportView | null>(null);
  const report = updated ?? loaded.data;
  const [texts, setTexts] = useState<Record<ReportTextKey, string> | null>(null);
  const [flash, setFlash] = useState<{ text: string; tone: 'success' | 'error'; at: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const flashRef = useRef<HTMLDivElement>(null);
  const title = `Rapport annuel ${year}`;
  useTitle(report ? `${title} — ${report.agreementTitle}` : title);
  useEffect(() => {
    if (report && !texts) setTexts(report.texts);
  }, [report]);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  const breadcrumb = [
    { to: '/conventions', label: 'Conventions' },
    { to: `/conventions/${id}`, label: report?.agreementTitle ?? 'Convention' },
  ];
  if (!report || !texts) {
    return (
      <>
        <PageHeader title={title} breadcrumb={breadcrumb} />
        {loaded.error instanceof ApiError && loaded.error.status === 404 ? (
          <p className="empty">Le rapport annuel {year} de cette convention n'est pas encore définitif, ou vous n'y avez pas accès.</p>
        ) : loaded.error ? (
          <LoadError error={loaded.error} retry={loaded.reload} />
        ) : (
          <Loading />
        )}
      </>
    );
  }

  async function act(call: () => Promise<AnnualReportView>, message: string) {
    setBusy(true);
    try {
      const next = await call();
      setUpdated(next);
      setTexts(next.texts);
      setFlash({ text: message, tone: 'success', at: Date.now() });
      announce(message);
    } catch (e) {
      setFlash({ text: errorMessage(e), tone: 'error', at: Date.now() });
    } finally {
      setBusy(false);
    }
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(() => api.governance.saveReport(id, year, { texts, ...(report.updatedAt ? { expectedUpdatedAt: report.updatedAt } : {}) }), 'Projet de rapport enregistré.');
  };
  const thisYear = Number(todayInParis().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const status = report.status === 'final' ? `Définitif depuis le ${formatCivilDate(report.finalisedOn)}${report.finalisedBy ? `, par ${report.finalisedBy}` : ''}` : report.status === 'draft' ? 'Projet' : 'Aucun projet enregistré';
  return (
    <>
      <PageHeader title={title} breadcrumb={breadcrumb} lead={<>{report.agreementTitle} — {report.providerName}. Statut : <Badge tone={report.status === 'final' ? 'success' : 'info'}>{status}</Badge></>} />
      {flash ? (
        <Alert tone={flash.tone} focusRef={flashRef} role={flash.tone === 'error' ? 'alert' : undefined}>
          <p>{flash.text}</p>
        </Alert>
      ) : null}
      <div className="panel filters" role="search" aria-label="Choisir l'année du rapport">
        <SelectField id="rapport-annee" label="Année" value={String(year)} onChange={(e) => navigate(`/conventions/${id}/rapport-annuel/${e.target.value}`)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="button-row">
        <a className="btn btn-secondary" href={api.governance.reportUrl(id, year, 'docx')} download>
          Télécharger le rapport (Word)
        </a>
        <a className="btn btn-secondary" href={api.governance.reportUrl(id, year, 'pdf')} download>
          Télécharger le rapport (PDF)
        </a>
      </p>
      <ReportFigures report={report} />
      <section className="section" aria-labelledby="rapport-textes" aria-busy={busy}>
        <h2 id="rapport-textes">Textes du comité</h2>
        {report.canEdit ? (
          <form onSubmit={save} noValidate>
            {(Object.keys(REPORT_TEXTS) as ReportTextKey[]).map((key) => (
              <TextAreaField key={key} id={`rapport-${key}`} label={REPORT_TEXTS[key]} rows={key === 'introduction' ? 3 : 4} value={texts[key]} onChange={(e) => setTexts({ ...texts, [key]: e.target.value })} />
            ))}
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Enregistrer le projet
              </button>
              {report.status === 'draft' && year < thisYear ? (
                <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void act(() => api.governance.finaliseReport(id, year, report.updatedAt!), `Rapport ${year} rendu définitif.`)}>
                  Rendre le rapport définitif
                </button>
              ) : null}
            </div>
            {report.status === 'draft' ? <p className="muted">Une fois définitif, le rapport et ses chiffres ne changent plus.</p> : null}
          </form>
        ) : (
          (Object.keys(REPORT_TEXTS) as ReportTextKey[])
            .filter((key) => report.texts[key].trim())
            .map((key) => (
              <div key={key}>
                <h3>{REPORT_TEXTS[key]}</h3>
                <p className="prewrap">{report.texts[key]}</p>
              </div>
            ))
        )}
      </section>
      <p>
        <Link to={`/conventions/${id}`}>Retour à la convention</Link>
      </p>
    </>
  );
}
