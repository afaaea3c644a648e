import { useMutation } from '@tanstack/react-query';
import { isUnauthenticated } from '../../../shared/lib/api-client';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { logout } from '../api/auth-api';
import { markLoggedOutHere, useSession } from './use-session';
import { useT } from '../../../shared/i18n/use-t';

export function useLogout() {
  const t = useT();
  const { setUser } = useSession();
  const navigate = useAppNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: (_data, error) => {
      // A 401 means the session had already ended: that is logged out too.
      if (error && !isUnauthenticated(error)) return;
      // The members-only page still showing may see the ended session before this
      // navigation lands; marked, its guard sends to /login without remembering the page.
      markLoggedOutHere();
      navigate('/login', { replace: true, state: { notice: t('logout.done') } });
      setUser(null);
    },
  });
}
