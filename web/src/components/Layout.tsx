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

/** A labelled group of the staff's navigation (22 destinations: one flat row no longer reads). */
export interface NavGroup {
  /** Shown above the group's links and naming their list; null for a lone link (the dashboard, the account). */
  label: string | null;
  items: NavItem[];
}

/** What each account may reach, from its side and permissions (the same `can` the API applies), in groups. */
export function navigationOf(account: Account): NavGroup[] {
  if (account.side === 'member') {
    return [
      {
        label: null,
        items: [
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
        ],
      },
    ];
  }
  const read = can(account.role, 'organisation:read');
  const when = (allowed: boolean, ...items: NavItem[]) => (allowed ? items : []);
  const groups: NavGroup[] = [
    { label: null, items: [{ to: '/', label: 'Tableau de bord', end: true }] },
    { label: 'Adhérents', items: when(read, { to: '/organisations', label: 'Registre' }, { to: '/conventions', label: 'Conventions' }, { to: '/calendrier', label: 'Calendrier' }, { to: '/demandes', label: 'Demandes de souscription' }) },
    {
      label: 'Services',
      items: [
        ...when(read, { to: '/catalogues', label: 'Catalogues', section: '/fournisseurs/' }),
        ...when(can(account.role, 'consumption:write'), { to: '/consommations/import', label: 'Import des consommations' }),
        ...when(read, { to: '/temps', label: 'Temps passés' }, { to: '/factures-operateurs', label: 'Factures d’opérateurs' }),
      ],
    },
    {
      label: 'Finances',
      items: [...when(can(account.role, 'billing:run'), { to: '/facturation', label: 'Facturation' }), ...when(read, { to: '/titres', label: 'Titres de recette' }, { to: '/couts', label: 'Budget et coûts', section: '/couts/' })],
    },
    { label: 'Gouvernance', items: when(read, { to: '/comites', label: 'Comités', section: '/reunions/' }, { to: '/besoins', label: 'Besoins' }, { to: '/indicateurs', label: 'Indicateurs' }) },
    {
      label: 'Administration',
      items: [
        ...when(can(account.role, 'agreement:write'), { to: '/modeles', label: 'Modèles de documents' }),
        ...when(can(account.role, 'registry:import'), { to: '/import', label: 'Import du référentiel' }),
        ...when(can(account.role, 'setup:load') && isPlatformStaff(account), { to: '/parametrage', label: 'Paramétrage' }),
        ...when(can(account.role, 'audit:read'), { to: '/journal', label: 'Journal' }),
        ...when(can(account.role, 'account:manage'), { to: '/comptes', label: 'Comptes' }),
        // The outbox (the development mail catcher) is the platform administrators' only: the API refuses everyone else.
        ...when(can(account.role, 'account:manage') && isPlatformStaff(account), { to: '/boite-d-envoi', label: "Boîte d'envoi" }),
      ],
    },
    { label: null, items: [{ to: '/mon-compte', label: 'Mon compte' }] },
  ];
  return groups.filter((g) => g.items.length);
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
  const groups = navigationOf(account);
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
            <ul className="nav-groups">
              {groups.map((group, g) => (
                <li key={group.label ?? `seul-${g}`} className={group.label ? 'nav-group' : 'nav-group nav-group-single'}>
                  {group.label ? (
                    <span className="nav-group-label" id={`navigation-${g}`}>
                      {group.label}
                    </span>
                  ) : null}
                  <ul aria-labelledby={group.label ? `navigation-${g}` : undefined}>
                    {group.items.map((item) => (
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
