import type { SetupLoadResult } from '../../contracts/setup-file.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { applySetupFile } from './apply-setup-file.ts';
import { crossCheckSetupFile, parsePath } from './check-setup-file.ts';
import { issueAt, parseSetupText, validateSetupShape } from './parse-setup-file.ts';

class DryRunRollback extends Error {}

/**
 * Loads a setup file all-or-nothing: every error of the file is reported with its path and line,
 * and nothing is written unless the whole file is valid and applies cleanly in one transaction.
 */
export async function loadSetupFile(deps: Deps, principal: Principal, text: string, options: { dryRun: boolean; fileName?: string }): Promise<SetupLoadResult> {
  require(principal, 'setup:load');
  // A setup file may create and link any organisation of the registry: platform administrators only.
  if (principal.scope.kind !== 'platform') throw new ForbiddenError("Le chargement d'un fichier de paramétrage est réservé aux administrateurs de la plateforme");
  const { parsed, issues: syntaxIssues } = parseSetupText(text);
  if (!parsed) throw new ValidationError('Fichier illisible', syntaxIssues);
  const { file, issues } = validateSetupShape(parsed);
  if (!file) throw new ValidationError('Fichier de paramétrage invalide', issues);
  const crossIssues = crossCheckSetupFile(file, parsed);
  if (crossIssues.length) throw new ValidationError('Fichier de paramétrage invalide', crossIssues);

  const at = deps.clock.now();
  let counts: Omit<SetupLoadResult, 'title' | 'dryRun'> | undefined;
  try {
    await deps.database.transaction(async ({ db }) => {
      counts = await applySetupFile(db, principal, at, file);
      await recordAudit(db, principal, at, {
        action: 'load',
        entityType: 'setup_file',
        entityId: options.fileName ?? file.title,
        organisationId: null,
        after: { title: file.title, ...counts },
      });
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (error instanceof ValidationError) {
      // Errors found while writing point into the file like those found before: path and line.
      throw new ValidationError(error.message, error.issues.map((i) => (/^[a-z]+\[\d+\]/i.test(i.path) ? issueAt(parsed, parsePath(i.path), i.message) : i)));
    }
    if (!(error instanceof DryRunRollback)) {
      const violation = uniqueViolation(error);
      if (violation) {
        throw new ValidationError('Le fichier contredit le registre', [
          { path: violation.constraint, message: 'une valeur unique (SIREN, code INSEE, CLI actif) est déjà portée par une autre organisation ou un autre contact' },
        ]);
      }
      throw error;
    }
  }
  return { title: file.title, dryRun: options.dryRun, ...counts! };
}
