import { api } from '../../api/endpoints.ts';
import type { TelecomStatement } from '../../api/statements.ts';
import { euros, signedEuros } from '../../lib/catalogue.ts';
import { inPeriod, ofPeriod } from '../../lib/statements.ts';
import { formatCivilDate, formatInteger, plural } from '../../lib/format.ts';
import { DescriptionList, TableScroll } from '../ui.tsx';

type Statement = TelecomStatement['statements'][number];

/** Per type of service: invoice lines, amount excl. VAT, VAT, total incl. VAT, and the total the API gives. */
function ByType({ statement, period }: { statement: Statement; period: string }) {
  const lines = statement.byType.reduce((sum, t) => sum + t.lines, 0);
  return (
    <TableScroll label={`Consommations par type de prestation : ${statement.providerName}`}>
      <table className="table">
        <caption>
          Consommations par type de prestation, {period} : {statement.providerName}
        </caption>
        <thead>
          <tr>
            <th scope="col">Type de prestation</th>
            <th scope="col" className="num">
              Lignes facturées
            </th>
            <th scope="col" className="num">
              Montant HT
            </th>
            <th scope="col" className="num">
              TVA
            </th>
            <th scope="col" className="num">
              Total TTC
            </th>
          </tr>
        </thead>
        <tbody>
          {statement.byType.map((t) => (
            <tr key={t.line}>
              <th scope="row">{t.lineName}</th>
              <td className="num">{formatInteger(t.lines)}</td>
              <td className="num nowrap">{euros(t.amount)}</td>
              <td className="num nowrap">{euros(t.vat)}</td>
              <td className="num nowrap">{euros(t.total)}</td>
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">Total</th>
            <td className="num">{formatInteger(lines)}</td>
            <td className="num nowrap">{euros(statement.amount)}</td>
            <td className="num nowrap">{euros(statement.vat)}</td>
            <td className="num nowrap">{euros(statement.total)}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The operators' invoices the statement comes from; the copy as filed, when there is one. */
function Invoices({ statement, period }: { statement: Statement; period: string }) {
  if (statement.invoices.length === 0) return <p className="empty">Aucune facture d’opérateur {inPeriod(period)}.</p>;
  return (
    <TableScroll label={`Factures des opérateurs : ${statement.providerName}`}>
      <table className="table">
        <caption>
          {plural(statement.invoices.length, 'facture d’opérateur', 'factures d’opérateurs')} {ofPeriod(period)} : {statement.providerName}
        </caption>
        <thead>
          <tr>
            <th scope="col">Facture</th>
            <th scope="col">Opérateur et lot</th>
            <th scope="col">Émise le</th>
            <th scope="col">Période facturée</th>
            <th scope="col" className="num">
              Lignes
            </th>
            <th scope="col" className="num">
              Montant HT
            </th>
            <th scope="col" className="num">
              TVA
            </th>
            <th scope="col">Réglée le</th>
            <th scope="col">Double</th>
          </tr>
        </thead>
        <tbody>
          {statement.invoices.map((i) => (
            <tr key={i.invoiceId}>
              <th scope="row" className="nowrap">
                {i.number}
              </th>
              <td>
                {i.operator}
                <br />
                <span className="muted">{i.marketLot}</span>
              </td>
              <td className="nowrap">{formatCivilDate(i.issuedOn)}</td>
              <td>
                du {formatCivilDate(i.periodFrom)} au {formatCivilDate(i.periodTo)}
              </td>
              <td className="num">{formatInteger(i.lines)}</td>
              <td className="num nowrap">{euros(i.amount)}</td>
              <td className="num nowrap">{euros(i.vat)}</td>
              <td className="nowrap">{i.paidOn ? formatCivilDate(i.paidOn) : 'non réglée'}</td>
              <td>
                {i.hasCopy ? (
                  <a href={api.statements.invoiceCopyUrl(i.invoiceId)} download>
                    Télécharger<span className="sr-only"> le double de la facture {i.number}</span>
                  </a>
                ) : (
                  <span className="muted">non déposé</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Penalties received from operators over the period, paid back to the member at the end of the civil year. */
function Penalties({ statement, period }: { statement: Statement; period: string }) {
  if (statement.penalties.length === 0) return <p className="empty">Aucune pénalité perçue d’un opérateur {inPeriod(period)}.</p>;
  return (
    <TableScroll label={`Pénalités perçues : ${statement.providerName}`}>
      <table className="table">
        <caption>
          {plural(statement.penalties.length, 'pénalité perçue', 'pénalités perçues')} d’opérateurs {inPeriod(period)}, {euros(statement.penaltiesAmount)} au total : {statement.providerName}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reçue le</th>
            <th scope="col">Opérateur et lot</th>
            <th scope="col" className="num">
              Montant
            </th>
            <th scope="col">Motif</th>
          </tr>
        </thead>
        <tbody>
          {statement.penalties.map((p, index) => (
            <tr key={`${p.receivedOn}-${index}`}>
              <th scope="row" className="nowrap">
                {formatCivilDate(p.receivedOn)}
              </th>
              <td>
                {p.operator}
                <br />
                <span className="muted">{p.marketLot}</span>
              </td>
              <td className="num nowrap">{euros(p.amount)}</td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One provider's part of the quarterly telecom statement (seed 000 art. 4.2). */
export function TelecomProviderStatement({ statement, period, headingId }: { statement: Statement; period: string; headingId: string }) {
  return (
    <section className="panel statement" aria-labelledby={headingId}>
      <h4 id={headingId}>{statement.providerName}</h4>
      {statement.byType.length ? <ByType statement={statement} period={period} /> : <p className="empty">Aucune consommation facturée {inPeriod(period)}.</p>}
      {statement.forecastAmount !== null ? (
        <DescriptionList
          items={[
            { term: 'Prévision hors taxes (titre provisoire)', value: euros(statement.forecastAmount) },
            { term: 'Réalisé hors taxes', value: euros(statement.amount) },
            { term: 'Écart (réalisé − prévision)', value: signedEuros(statement.difference) },
          ]}
        />
      ) : null}
      <h5>Factures des opérateurs</h5>
      <Invoices statement={statement} period={period} />
      <h5>Pénalités</h5>
      <Penalties statement={statement} period={period} />
    </section>
  );
}
