import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAnnounce } from './announcer.tsx';

/**
 * The message a page was sent with (`navigate(to, { state: { flash } })`), announced once; the state is then
 * cleared so that coming back to the page later does not repeat it.
 */
export function useFlashFromNavigation(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  useEffect(() => {
    if (flash) {
      announce(flash);
      navigate(location.pathname, { replace: true, state: null });
    }
  }, []);
  return flash;
}
