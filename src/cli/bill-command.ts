import type { Command } from 'commander';
import { RUN_KINDS } from '../contracts/billing.ts';
import type { RunKind } from '../domain/billing/member-bill.ts';
import { findAgreementByCode } from '../repositories/agreement-repository.ts';
import { findOrganisationIdByNaturalKey } from '../repositories/organisation-repository.ts';
import { SYSTEM_PRINCIPAL, type Deps } from '../services/context.ts';
import { ValidationError } from '../services/errors.ts';
import { issueRun } from '../services/billing/run-issue.ts';
import { previewRun } from '../services/billing/run-preview.ts';
import type { RunProgress } from '../services/billing/run-compute.ts';

const euros = (amount: string) => `${amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const DOCUMENT: Record<string, string> = { title: 'titre', reduction: 'réduction', payment_order: 'mandat', none: '—' };
const PHASE: Record<string, string> = { facts: 'Lecture des relevés, temps et factures', compute: 'Calcul', write: 'Écriture des titres', done: 'Terminé' };

/** A progress bar on the terminal (stderr), redrawn in place; nothing when the output is not a terminal. */
/** The numbers issued: all of them when few, else the first and the last (a national run issues 36,000). */
function issuedRange(numbers: readonly string[]): string {
  if (numbers.length <= 10) return numbers.join(', ') || 'aucun document';
  return `${numbers.length} documents, n° ${numbers[0]} à ${numbers[numbers.length - 1]}`;
}

function progressBar(): RunProgress {
  return (phase, done, total) => {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : 0;
    process.stderr.write(`\r${PHASE[phase]!.padEnd(40)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   ${phase === 'done' ? '\n' : ''}`);
  };
}

/** `mutualis bill`: preview an agreement's bills for a period, or issue them with --issue. */
export function billCommand(program: Command, withDeps: <T>(work: (deps: Deps) => Promise<T>) => Promise<T>): void {
  program
    .command('bill')
    .description("Facturer une convention pour une période : aperçu, ou émission des titres avec --issue")
    .argument('<agreement>', 'code de la convention (ex. dmsi-lens-2024)')
    .requiredOption('--year <year>', 'année de la période', Number)
    .option('--index <n>', 'semestre, trimestre ou mois selon le rythme de la convention', Number, 1)
    .option('--kind <kind>', `nature de la facturation : ${RUN_KINDS.join(', ')}`, 'regular')
    .option('--provider-siren <siren>', 'SIREN du fournisseur')
    .option('--provider-id <id>', 'identifiant du fournisseur (s’il n’a pas de SIREN)')
    .option('--show <n>', 'adhérents détaillés dans l’aperçu (0 : tous)', Number, 50)
    .option('--issue', 'émettre les titres (sinon : aperçu seulement)')
    .action((code: string, options: { year: number; index: number; kind: string; providerSiren?: string; providerId?: string; show: number; issue?: boolean }) =>
      withDeps(async (deps) => {
        if (!RUN_KINDS.includes(options.kind as RunKind)) throw new ValidationError('Nature inconnue', [{ path: '--kind', message: `attendu ${RUN_KINDS.join(', ')}` }]);
        const providerId = options.providerId ?? (options.providerSiren ? await findOrganisationIdByNaturalKey(deps.database.db, { siren: options.providerSiren, kind: '', name: '' }) : null);
        if (!providerId) throw new ValidationError('Fournisseur introuvable', [{ path: '--provider-siren', message: 'indiquez --provider-siren ou --provider-id' }]);
        const agreement = await findAgreementByCode(deps.database.db, providerId, code);
        if (!agreement) throw new ValidationError('Convention introuvable', [{ path: '<agreement>', message: `aucune convention « ${code} » pour ce fournisseur` }]);
        const request = { kind: options.kind as RunKind, year: options.year, index: options.index };
        const preview = await previewRun(deps, SYSTEM_PRINCIPAL, agreement.id, request, { offset: 0, limit: options.show > 0 ? options.show : undefined }, progressBar());
        console.log(`${preview.agreementTitle} — ${preview.periodLabel}`);
        for (const m of preview.members) {
          console.log(`  ${m.organisationName.padEnd(40)} ${DOCUMENT[m.document]!.padEnd(10)} ${euros(m.amountIncl).padStart(16)}${m.issues.length ? `  (${m.issues.length} ligne(s) non chiffrable(s))` : ''}`);
          for (const issue of m.issues) console.log(`      ${issue.message}`);
        }
        if (preview.page.matching > preview.members.length) console.log(`  … et ${preview.page.matching - preview.members.length} autres adhérents (--show 0 pour tous les voir)`);
        console.log(`Titres : ${preview.totals.titles} pour ${euros(preview.totals.titlesAmount)} ; réductions : ${preview.totals.reductions} ; mandats : ${preview.totals.paymentOrders}`);
        if (preview.issued) console.log(`Déjà émise le ${preview.issued.issuedOn} (${preview.issued.documents} document(s)).`);
        for (const blocker of preview.blockers) console.log(`Émission impossible : ${blocker}`);
        for (const warning of preview.warnings) console.log(`Attention : ${warning}`);
        if (!options.issue) return;
        const issued = await issueRun(deps, SYSTEM_PRINCIPAL, agreement.id, request, progressBar());
        console.log(issued.created ? `Émis : ${issuedRange(issued.documents.map((d) => d.number))}` : 'Période déjà émise : rien de nouveau.');
      }),
    );
}
