import { useState } from 'react';
import { Badge, TableScroll } from '../ui.tsx';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { TASK_OWNERS, type SubscriptionRequest, type SubscriptionTask } from '../../lib/subscriptions.ts';
import { TaskDoneForm } from './TaskDoneForm.tsx';
import { SubHeading } from './SubHeading.tsx';
import { TaskForm } from './TaskForm.tsx';

function TaskState({ task }: { task: SubscriptionTask }) {
  if (task.doneOn) return <Badge tone="success">Faite le {formatCivilDate(task.doneOn)}</Badge>;
  if (task.overdue) return <Badge tone="warning">En retard</Badge>;
  return <Badge tone="neutral">À faire</Badge>;
}

/**
 * The request's follow-up tasks with their due dates and the overdue ones said in words. A member closes its own
 * tasks (its compliance plan); the provider closes any and adds new ones.
 */
export function RequestTasks({
  request,
  closes,
  canAdd,
  level = 3,
  onChanged,
}: {
  request: SubscriptionRequest;
  /** Whether this account may mark this task done. */
  closes(task: SubscriptionTask): boolean;
  canAdd: boolean;
  level?: 3 | 4;
  onChanged(request: SubscriptionRequest, message: string): void;
}) {
  const [closing, setClosing] = useState<SubscriptionTask | null>(null);
  const [adding, setAdding] = useState(false);
  const overdue = request.tasks.filter((t) => t.overdue && !t.doneOn).length;
  return (
    <div className="request-tasks">
      <div className="section-header">
        <SubHeading level={level}>Tâches de suivi</SubHeading>
        {canAdd && !adding ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setAdding(true)}>
            Ajouter une tâche
          </button>
        ) : null}
      </div>
      {request.tasks.length === 0 ? (
        <p className="empty">Aucune tâche de suivi.</p>
      ) : (
        <TableScroll label={`Tâches de suivi de la demande du ${formatCivilDate(request.receivedOn)}`}>
          <table className="table">
            <caption>
              {plural(request.tasks.length, 'tâche', 'tâches')}
              {overdue ? `, dont ${plural(overdue, 'en retard', 'en retard')}` : ''}, par échéance
            </caption>
            <thead>
              <tr>
                <th scope="col">Tâche</th>
                <th scope="col">Qui la fait</th>
                <th scope="col">Échéance</th>
                <th scope="col">État</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {[...request.tasks]
                .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
                .map((task) => (
                  <tr key={task.id}>
                    <th scope="row">
                      {task.title}
                      <p className="small muted">{task.kindLabel}</p>
                      {task.note ? <p className="small">Note : {task.note}</p> : null}
                    </th>
                    <td>{TASK_OWNERS[task.owner]}</td>
                    <td className="nowrap">{formatCivilDate(task.dueOn)}</td>
                    <td>
                      <TaskState task={task} />
                    </td>
                    <td>
                      {!task.doneOn && closes(task) ? (
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => setClosing(task)}>
                          Marquer comme faite<span className="sr-only"> : {task.title}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {closing ? (
        <TaskDoneForm
          key={closing.id}
          task={closing}
          onCancel={() => setClosing(null)}
          onDone={(updated) => {
            setClosing(null);
            onChanged(updated, `Tâche faite : ${closing.title}.`);
          }}
        />
      ) : null}
      {adding ? (
        <TaskForm
          request={request}
          onCancel={() => setAdding(false)}
          onAdded={(updated, title) => {
            setAdding(false);
            onChanged(updated, `Tâche ajoutée : ${title}.`);
          }}
        />
      ) : null}
    </div>
  );
}
