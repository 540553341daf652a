import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { pesSettingsSchema } from '../../contracts/billing.ts';
import { vatSplit } from '../../domain/billing/bill-line.ts';
import { buildPes, type PesLine, type PesTitle } from '../../domain/billing/pes/build.ts';
import { debtorCategory } from '../../domain/billing/pes/node.ts';
import { pesIssues } from '../../domain/billing/pes/rules.ts';
import type { VatTreatment } from '../../domain/catalogue/tariff-grid.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import { cents, type Cents } from '../../domain/money.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findRunRow, groupByTitle, titleLineRows, titlesOfRun, type TitleLineRow, type TitleRow } from '../../repositories/billing-repository.ts';
import { findRawOrganisation } from '../../repositories/organisation-repository.ts';
import { bordereauNumber, debtorsOf, findPesSettings, savePesSettings } from '../../repositories/pes-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { getTitle } from './titles.ts';
import { titlePdf } from './title-documents.ts';
import { pesToBytes, pesToXml } from './pes-xml.ts';
import { validateAgainstXsd } from './pes-xsd.ts';

type Settings = z.infer<typeof pesSettingsSchema>;

export async function getPesSettings(deps: Deps, principal: Principal, providerId: string): Promise<Settings | null> {
  require(principal, 'billing:run');
  assertActsFor(principal, providerId);
  const row = await findPesSettings(deps.database.db, providerId);
  if (!row) return null;
  const { providerId: _p, updatedAt: _u, ...settings } = row;
  return { ...settings, imputations: row.imputations as Settings['imputations'] };
}

export async function putPesSettings(deps: Deps, principal: Principal, providerId: string, settings: Settings): Promise<Settings> {
  require(principal, 'billing:run');
  assertActsFor(principal, providerId);
  await deps.database.transaction(async (tx) => {
    const before = await findPesSettings(tx.db, providerId);
    await savePesSettings(tx.db, { providerId, ...settings, updatedAt: deps.clock.now().toISOString() });
    await recordAudit(tx.db, principal, deps.clock.now(), { action: before ? 'update' : 'create', entityType: 'pes_settings', entityId: providerId, organisationId: providerId, before, after: settings });
  });
  return (await getPesSettings(deps, principal, providerId))!;
}

/**
 * The PES lines of a title: its lines summed per imputation (nature, function, product code), since PES amounts
 * are positive (PES-V2-NOTES R6) while a title may hold a deduction; a reduction is one line of its amount.
 */
function pesLines(title: TitleRow, lines: readonly TitleLineRow[], settings: Settings): PesLine[] {
  const imputationOf = (line: string) => settings.imputations.find((i) => i.line === line) ?? { nature: settings.defaultNature, productCode: settings.defaultProductCode, fonction: undefined };
  const groups = new Map<string, PesLine>();
  for (const l of lines) {
    const imputation = imputationOf(l.line);
    const key = `${imputation.nature}|${imputation.fonction ?? ''}|${imputation.productCode}`;
    const split = vatSplit(cents(l.amount), l.vat as VatTreatment);
    const group = groups.get(key) ?? { label: l.label, productCode: imputation.productCode, nature: imputation.nature, fonction: imputation.fonction, amountExcl: cents(0), vat: cents(0) };
    if (groups.has(key)) group.label = title.subject;
    group.amountExcl = cents(group.amountExcl + split.excl);
    group.vat = cents(group.vat + split.vat);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  if (title.kind === 'title' && all.every((g) => g.amountExcl > 0 && g.vat >= 0)) return all;
  // A deduction or a reduction: one line for the whole amount, on the largest imputation.
  const main = [...all].sort((a, b) => b.amountExcl - a.amountExcl)[0]!;
  return [{ ...main, label: title.subject, amountExcl: cents(Math.abs(title.amountExclCents)) as Cents, vat: cents(Math.abs(title.vatCents)) as Cents }];
}

/**
 * A run's receivable titles as a PES_Aller file for the public accountant, checked by our own encoding of the
 * specification (and by the official XSD when the settings point at it) before it is offered: a file that
 * fails is refused with every element at fault. Payment orders go by the expenditure flow, not this file.
 */
export async function exportRunPes(deps: Deps, principal: Principal, runId: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  require(principal, 'billing:run');
  const db = deps.database.db;
  const run = await findRunRow(db, principal.scope, runId);
  if (!run) throw new NotFoundError('Facturation');
  const settingsRow = await getPesSettings(deps, principal, run.providerId);
  if (!settingsRow) throw new ValidationError('Paramètres PES manquants', [{ path: 'pes-settings', message: 'renseignez le poste comptable, les codes collectivité et budget et les imputations du fournisseur' }]);
  const provider = await findRawOrganisation(db, run.providerId);
  if (!provider?.siret) throw new ValidationError('SIRET du fournisseur manquant', [{ path: 'siret', message: `${provider?.name ?? 'le fournisseur'} n'a pas de SIRET : il identifie l'émetteur du fichier (IdColl)` }]);
  const titles = (await titlesOfRun(db, runId)).filter((t) => t.series === 'recette');
  if (!titles.length) throw new ValidationError('Rien à transmettre', [{ path: 'run', message: 'cette facturation ne compte aucun titre de recette' }]);
  const linesByTitle = groupByTitle(await titleLineRows(db, titles.map((t) => t.id)));
  const debtors = new Map((await debtorsOf(db, titles.map((t) => t.organisationId))).map((d) => [d.id, d]));
  const referred = new Map<string, TitleRow>();
  for (const t of titles.filter((x) => x.refersTo)) {
    const original = await getTitle(deps, principal, t.refersTo!);
    referred.set(t.id, { ...t, fiscalYear: original.fiscalYear, sequence: Number(original.number.slice(-5)) });
  }
  const fiscalYear = titles[0]!.fiscalYear;
  const providerName = provider.name;
  const pesTitles: (PesTitle & { kind: 'title' | 'reduction' })[] = [];
  for (const t of titles) {
    const d = debtors.get(t.organisationId)!;
    const pdf = await titlePdf(await getTitle(deps, principal, t.id), providerName);
    pesTitles.push({
      number: t.sequence,
      kind: t.kind === 'reduction' ? 'reduction' : 'title',
      subject: t.subject,
      periodFrom: t.periodFrom as CivilDate,
      periodTo: t.periodTo as CivilDate,
      debtor: { siret: d.siret, reference: d.insee ?? d.siren ?? d.id.slice(0, 8), category: debtorCategory(d.kind), name: d.name, street: d.line1 ?? '', postalCode: d.postalCode ?? '', city: d.city ?? '' },
      lines: pesLines(t, linesByTitle.get(t.id) ?? [], settingsRow),
      reduces: t.refersTo ? { fiscalYear: referred.get(t.id)!.fiscalYear, number: referred.get(t.id)!.sequence } : undefined,
      attachment: { id: t.number, fileName: `${t.number}.pdf`, gzipBase64: gzipSync(pdf).toString('base64') },
    });
  }
  const issuedOn = run.issuedOn as CivilDate;
  const bordereaux = [];
  for (const kind of ['title', 'reduction'] as const) {
    const mine = pesTitles.filter((t) => t.kind === kind);
    if (!mine.length) continue;
    bordereaux.push({ id: await bordereauNumber(db, run.providerId, fiscalYear, run.issuedAt, kind), kind, issuedOn, subject: `${kind === 'reduction' ? 'Réductions — ' : ''}${titles[0]!.subject.split(' — ').slice(-1)[0]}`, titles: mine });
  }
  const stamp = `${issuedOn.slice(2, 4)}${issuedOn.slice(5, 7)}${issuedOn.slice(8, 10)}`;
  const fileName = `PESALR2_${provider.siret}_${stamp}_${runId.slice(0, 4).toUpperCase()}.xml`;
  const tree = buildPes({ fileName, builtOn: deps.clock.today(), fiscalYear, software: { sigle: 'MUTUALIS', name: 'Mutualis 0.1' }, settings: { idPost: settingsRow.idPost, siret: provider.siret, codCol: settingsRow.codCol, codBud: settingsRow.codBud, budgetLabel: settingsRow.budgetLabel }, bordereaux });
  const issues = pesIssues(tree);
  if (settingsRow.xsdPath && !issues.length) issues.push(...(await validateAgainstXsd(pesToXml(tree), settingsRow.xsdPath)));
  if (issues.length) throw new ValidationError(`Fichier PES refusé par la validation : ${issues.length} erreur(s), il n'est pas proposé`, issues.slice(0, 200));
  return { fileName, contentType: 'application/xml; charset=ISO-8859-1', content: pesToBytes(tree) };
}
