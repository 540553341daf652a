import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { budgetDocumentSchema } from '../contracts/costs.ts';
import { findOrganisationIdByNaturalKey } from '../repositories/organisation-repository.ts';
import { SYSTEM_PRINCIPAL, type Deps } from './context.ts';
import { putBudget } from './costs/cost-budgets.ts';

/**
 * examples/costs/*.json: an ILLUSTRATIVE budget of a provider's shared service (seed 004 gives no figures),
 * recorded through the ordinary use case for each year listed; a year without actuals has them cleared.
 */
const demoBudgetSchema = z
  .object({
    illustrative: z.string().min(1),
    provider: z.object({ siren: z.string() }).strict(),
    years: z.array(z.object({ fiscalYear: z.number().int(), withActual: z.boolean() }).strict()),
    budget: budgetDocumentSchema,
  })
  .strict();

export async function loadDemoCosts(deps: Deps, directory: string): Promise<void> {
  const file = join(directory, '004-call-dmsi-budget.json');
  const demo = demoBudgetSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const providerId = await findOrganisationIdByNaturalKey(deps.database.db, { siren: demo.provider.siren, kind: '', name: '' });
  if (!providerId) throw new Error(`Fournisseur de démonstration absent : ${demo.provider.siren}`);
  for (const year of demo.years) {
    const doc = year.withActual
      ? demo.budget
      : { ...demo.budget, charges: demo.budget.charges.map((c) => ({ ...c, actual: null })), staff: demo.budget.staff.map((s) => ({ ...s, actual: null })) };
    await putBudget(deps, SYSTEM_PRINCIPAL, providerId, year.fiscalYear, doc);
  }
}
