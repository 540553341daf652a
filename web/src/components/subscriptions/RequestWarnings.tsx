import { Alert } from '../ui.tsx';
import type { SubscriptionRequest } from '../../lib/subscriptions.ts';

/** The warnings the checks kept with the request (late wish, eligibility): the provider decides knowing them. */
export function RequestWarnings({ request }: { request: SubscriptionRequest }) {
  if (request.warnings.length === 0) return null;
  const messages = [...new Set(request.warnings.map((w) => w.message))];
  return (
    <Alert tone="warning" title={messages.length > 1 ? `${messages.length} points d'attention à la réception` : "Point d'attention à la réception"}>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </Alert>
  );
}
