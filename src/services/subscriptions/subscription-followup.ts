import type { z } from 'zod';
import type { SubscriptionRequestView, prerequisiteCheckInputSchema, taskDoneSchema, taskInputSchema } from '../../contracts/subscriptions.ts';
import { formatCivilDateFr, parseCivilDate } from '../../domain/civil-date.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findRequestRow, findTaskForUpdate, insertTask, markTaskDone, upsertCheck } from '../../repositories/subscription-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { assertMayRequestFor, loadRequests } from './subscription-access.ts';

/** What follows a request's study: tasks with due dates and the technical prerequisites checklist. */

/** A task that follows the committee's study: who does it, by when (seed 004 art. 10.1.3). */
export async function addTask(deps: Deps, principal: Principal, requestId: string, input: z.infer<typeof taskInputSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:decide');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const request = await findRequestRow(db, principal.scope, requestId);
    if (!request) throw new NotFoundError('Demande de souscription');
    assertActsFor(principal, request.providerId);
    const id = await insertTask(db, { requestId, ...input, createdAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: 'create', entityType: 'subscription_task', entityId: id, organisationId: request.organisationId, after: input });
    return (await loadRequests(db, principal, { organisationId: request.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
  });
}

/** Marks a task done; the member may close its own tasks (its compliance plan), the provider any. */
export async function completeTask(deps: Deps, principal: Principal, taskId: string, input: z.infer<typeof taskDoneSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:request');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const task = await findTaskForUpdate(db, principal.scope, taskId);
    if (!task) throw new NotFoundError('Tâche');
    assertMayRequestFor(principal, task.providerId, task.organisationId);
    if (principal.scope.kind === 'member' && task.owner !== 'member') throw new ForbiddenError('Cette tâche revient au fournisseur');
    if (task.doneOn) throw new ValidationError('Tâche déjà faite', [{ path: 'doneOn', message: `faite le ${formatCivilDateFr(parseCivilDate(task.doneOn))}` }]);
    await markTaskDone(db, taskId, input.doneOn, input.note ?? null);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'subscription_task', entityId: taskId, organisationId: task.organisationId, before: { doneOn: null }, after: input });
    return (await loadRequests(db, principal, { organisationId: task.organisationId }, deps.clock.today())).find((r) => r.id === task.requestId)!;
  });
}

/**
 * Records whether a technical prerequisite of a requested line is met (seed 004 annex 3): the member declares,
 * the provider's audit verifies; the latest answer stands and the audit log keeps the others.
 */
export async function checkPrerequisite(deps: Deps, principal: Principal, requestId: string, input: z.infer<typeof prerequisiteCheckInputSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:request');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const request = await findRequestRow(db, principal.scope, requestId);
    if (!request) throw new NotFoundError('Demande de souscription');
    assertMayRequestFor(principal, request.providerId, request.organisationId);
    const view = (await loadRequests(db, principal, { organisationId: request.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
    if (!view.checklist.some((c) => c.line === input.line && c.item === input.item)) {
      throw new ValidationError('Prérequis inconnu', [{ path: 'item', message: "ce prérequis ne figure pas au catalogue pour une ligne de la demande" }]);
    }
    const values = { requestId, line: input.line, item: input.item, met: input.met, checkedOn: deps.clock.today(), checkedBy: principal.label, note: input.note ?? null };
    await upsertCheck(db, values);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'prerequisite_check', entityId: requestId, organisationId: request.organisationId, after: values });
    return (await loadRequests(db, principal, { organisationId: request.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
  });
}
