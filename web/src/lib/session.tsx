import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthenticated } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { can, type Account, type Permission } from '../shared.ts';

interface SessionValue {
  /** undefined while the session is being checked; null when nobody is logged in. */
  account: Account | null | undefined;
  /** Why the user is on the login page (logged out, session expired). */
  notice: string | null;
  /** True after an explicit logout: the login page then does not offer to go back where the user was. */
  loggedOut: boolean;
  signedIn(account: Account): void;
  signOut(notice?: string): Promise<void>;
  expired(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

let focusAfterLogin = false;

/** True once after a login: the first page shown then takes the focus (see Layout). */
export function takeFocusAfterLogin(): boolean {
  const value = focusAfterLogin;
  focusAfterLogin = false;
  return value;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.auth
      .me()
      .then((me) => !cancelled && setAccount(me))
      .catch((error: unknown) => {
        if (cancelled) return;
        setAccount(null);
        if (!(error instanceof ApiError && error.status === 401)) setNotice(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const expired = useCallback(() => {
    setAccount((current) => {
      if (current) setNotice('Votre session a expiré : reconnectez-vous.');
      return null;
    });
  }, []);

  useEffect(() => {
    onUnauthenticated(expired);
    return () => onUnauthenticated(null);
  }, [expired]);

  const value = useMemo<SessionValue>(
    () => ({
      account,
      notice,
      loggedOut,
      signedIn(next) {
        focusAfterLogin = true;
        setNotice(null);
        setLoggedOut(false);
        setAccount(next);
      },
      async signOut(message = 'Vous êtes déconnecté.') {
        try {
          await api.auth.logout();
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        setNotice(message);
        setLoggedOut(true);
        setAccount(null);
      },
      expired,
    }),
    [account, notice, loggedOut, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in account; only for components rendered behind the login. */
export function useAccount(): Account {
  const { account } = useSession();
  if (!account) throw new Error('useAccount without a logged-in account');
  return account;
}

export function useCan(): (permission: Permission) => boolean {
  const account = useAccount();
  return (permission) => can(account.role, permission);
}

/** Platform staff: provider side with no provider of their own (admin of the whole platform). */
export function isPlatformStaff(account: Account): boolean {
  return account.side === 'provider' && account.organisationId === null;
}
