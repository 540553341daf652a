import { Link } from 'react-router';
import { PageHeader } from '../components/ui.tsx';
import { useTitle } from '../lib/hooks.ts';

export function NotFoundPage({ title = 'Page introuvable', message }: { title?: string; message?: string }) {
  useTitle(title);
  return (
    <>
      <PageHeader title={title} />
      <p>{message ?? "L'adresse demandée n'existe pas, ou vous n'avez pas accès à cette page."}</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </>
  );
}
