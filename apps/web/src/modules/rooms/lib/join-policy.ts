import type { JoinPolicy } from '@kindred/contracts';

export const JOIN_POLICY_LABELS: Record<JoinPolicy, string> = {
  open: 'Open to join',
  request: 'Join by request',
  invite: 'Invite only',
};

export const JOIN_ACTION_LABELS: Record<JoinPolicy, string> = {
  open: 'Join…',
  request: 'Ask to join…',
  invite: 'Enter invite code…',
};
