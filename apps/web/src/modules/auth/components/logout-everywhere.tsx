import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { logoutEverywhere } from '../api/auth-api';
import { useSession } from '../hooks/use-session';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';

export function LogoutEverywhere() {
  const t = useT();
  const errorText = useErrorText();
  const { setUser } = useSession();
  const navigate = useAppNavigate();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: () => {
      setUser(null);
      navigate('/login', { replace: true, state: { notice: t('everywhere.done') } });
    },
  });

  return (
    <>
      <p>{t('everywhere.intro')}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('everywhere.button')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('everywhere.title')}
        confirmLabel={t('settings.everywhere')}
        pending={mutation.isPending}
        error={mutation.error ? errorText(mutation.error) : null}
        onCancel={() => setOpen(false)}
        onConfirm={() => mutation.mutate()}
      >
        <p>{t('everywhere.body')}</p>
      </ConfirmDialog>
    </>
  );
}
