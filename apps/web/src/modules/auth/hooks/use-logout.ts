import { useMutation } from '@tanstack/react-query';
import { isUnauthenticated } from '../../../shared/lib/api-client';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { logout } from '../api/auth-api';
import { useSession } from './use-session';

export function useLogout() {
  const { setUser } = useSession();
  const navigate = useAppNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: (_data, error) => {
      // A 401 means the session had already ended: that is logged out too.
      if (error && !isUnauthenticated(error)) return;
      // Leave the page first: if the session ended while a members-only page was still
      // showing, its guard would send us to /login remembering that page, and the next
      // person to sign in on this device would be taken back to it.
      navigate('/login', { replace: true, state: { notice: 'You are logged out. Take care.' } });
      setUser(null);
    },
  });
}
