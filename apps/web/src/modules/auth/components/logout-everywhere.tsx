import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { logoutEverywhere } from '../api/auth-api';
import { useSession } from '../hooks/use-session';

export function LogoutEverywhere() {
  const { setUser } = useSession();
  const navigate = useAppNavigate();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: () => {
      setUser(null);
      navigate('/login', { replace: true, state: { notice: 'You are logged out on every device.' } });
    },
  });

  return (
    <>
      <p>Ends every session of this account, including this one.</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Log out everywhere…
      </button>
      <ConfirmDialog
        open={open}
        title="Log out everywhere?"
        confirmLabel="Log out everywhere"
        pending={mutation.isPending}
        error={mutation.error ? toDisplayError(mutation.error).message : null}
        onCancel={() => setOpen(false)}
        onConfirm={() => mutation.mutate()}
      >
        <p>Every device signed in to this account, this one included, is signed out straight away.</p>
      </ConfirmDialog>
    </>
  );
}
