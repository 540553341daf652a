import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useAnnounce } from '../lib/announcer.tsx';
import { isPlatformStaff, takeFocusAfterLogin, useSession } from '../lib/session.tsx';
import { ACCOUNT_ROLES, can, type Account } from '../shared.ts';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Paths of the same section (a provider's catalogue belongs to "Catalogues"): the item is marked current there too. */
  section?: string;
}

/** What each account may reach, from its side and permissions (the same `can` the API applies). */
export function navigationOf(account: Account): NavItem[] {
  if (account.side === 'member') {
    return [
      { to: '/mon-organisation', label: 'Mon organisation' },
      { to: '/mes-services', label: 'Mes services' },
      { to: '/besoins', label: 'Mes besoins' },
      { to: '/consommations', label: 'Consommations' },
      { to: '/mes-factures', label: 'Mes factures' },
      { to: '/ma-part', label: 'Ma part des coûts' },
      { to: '/catalogues', label: 'Catalogues', section: '/fournisseurs/' },
      { to: '/conventions', label: 'Conventions' },
      { to: '/calendrier', label: 'Calendrier' },
      { to: '/mon-compte', label: 'Mon compte' },
    ];
  }
  const items: NavItem[] = [{ to: '/', label: 'Tableau de bord', end: true }];
  if (can(account.role, 'organisation:read')) items.push({ to: '/organisations', label: 'Registre' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/catalogues', label: 'Catalogues', section: '/fournisseurs/' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/conventions', label: 'Conventions' }, { to: '/calendrier', label: 'Calendrier' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/demandes', label: 'Demandes de souscription' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/comites', label: 'Comités', section: '/reunions/' }, { to: '/besoins', label: 'Besoins' }, { to: '/indicateurs', label: 'Indicateurs' });
  if (can(account.role, 'agreement:write')) items.push({ to: '/modeles', label: 'Modèles de documents' });
  if (can(account.role, 'registry:import')) items.push({ to: '/import', label: 'Import du référentiel' });
  if (can(account.role, 'consumption:write')) items.push({ to: '/consommations/import', label: 'Import des consommations' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/temps', label: 'Temps passés' }, { to: '/factures-operateurs', label: 'Factures d’opérateurs' });
  if (can(account.role, 'billing:run')) items.push({ to: '/facturation', label: 'Facturation' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/titres', label: 'Titres de recette' });
  if (can(account.role, 'organisation:read')) items.push({ to: '/couts', label: 'Budget et coûts', section: '/couts/' });
  if (can(account.role, 'setup:load') && isPlatformStaff(account)) items.push({ to: '/parametrage', label: 'Paramétrage' });
  if (can(account.role, 'audit:read')) items.push({ to: '/journal', label: 'Journal' });
  if (can(account.role, 'account:manage')) items.push({ to: '/comptes', label: 'Comptes' });
  // The outbox (the development mail catcher) is the platform administrators' only: the API refuses everyone else.
  if (can(account.role, 'account:manage') && isPlatformStaff(account)) items.push({ to: '/boite-d-envoi', label: "Boîte d'envoi" });
  items.push({ to: '/mon-compte', label: 'Mon compte' });
  return items;
}

function SkipLink() {
  return (
    <a className="skip-link" href="#contenu">
      Aller au contenu
    </a>
  );
}

function Brand() {
  return (
    <Link to="/" className="brand">
      <span className="brand-mark" aria-hidden="true">
        M
      </span>
      <span className="brand-text">
        <span className="brand-name">Mutualis</span>
        <span className="brand-tagline">Service informatique mutualisé</span>
      </span>
    </Link>
  );
}

function Footer() {
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>Mutualis — gestion d'un service informatique partagé entre collectivités.</p>
        <ul className="footer-links">
          <li>
            <a href="/api/docs">Documentation de l'API</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}

/**
 * Moves the focus to the page's h1 after each client-side navigation, and right after login (the login
 * form the focus was in is gone), but not on the first load of a page, so the skip link stays first.
 */
function useFocusOnNavigation(signedIn: boolean) {
  const location = useLocation();
  const previous = useRef(location.pathname);
  useEffect(() => {
    const afterLogin = signedIn && takeFocusAfterLogin();
    if (previous.current === location.pathname && !afterLogin) return;
    previous.current = location.pathname;
    // Only the path matters: filters changed in the query string keep the focus where the user is.
    if (!location.hash) document.getElementById('titre-page')?.focus();
  }, [location.pathname]);
}

export function PublicLayout({ children }: { children: ReactNode }) {
  useFocusOnNavigation(false);
  return (
    <div className="app">
      <SkipLink />
      <header className="site-header">
        <div className="container header-inner">
          <Brand />
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="main">
        <div className="container container-narrow">{children}</div>
      </main>
      <Footer />
    </div>
  );
}

export function Layout({ account, children }: { account: Account; children: ReactNode }) {
  useFocusOnNavigation(true);
  const { signOut } = useSession();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const items = navigationOf(account);
  const location = useLocation();

  async function logout() {
    setBusy(true);
    try {
      // Signed out, the application shows the login page (see App).
      await signOut();
    } catch (error) {
      setBusy(false);
      announce(`La déconnexion a échoué : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="app">
      <SkipLink />
      <header className="site-header">
        <div className="container header-inner">
          <Brand />
          <div className="user-box">
            <p className="user-identity">
              <span className="sr-only">Connecté en tant que </span>
              <span className="user-name">{account.displayName}</span>
              <span className="user-org">
                {account.organisationName ?? 'Plateforme (toutes les organisations)'} · {ACCOUNT_ROLES[account.role]}
              </span>
            </p>
            <button type="button" className="btn btn-on-dark btn-small" onClick={logout} disabled={busy}>
              Se déconnecter
            </button>
          </div>
        </div>
        <nav className="main-nav" aria-label="Navigation principale">
          <div className="container">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  {item.section && location.pathname.startsWith(item.section) ? (
                    <Link to={item.to} aria-current="true">
                      {item.label}
                    </Link>
                  ) : (
                    <NavLink to={item.to} end={item.end ?? false}>
                      {item.label}
                    </NavLink>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="contenu" tabIndex={-1} className="main">
        <div className="container">{children}</div>
      </main>
      <Footer />
    </div>
  );
}
