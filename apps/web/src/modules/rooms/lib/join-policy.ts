import type { JoinPolicy } from '@kindred/contracts';
import type { MessageId } from '../../../shared/i18n/message-id';

export const JOIN_POLICY_LABELS: Record<JoinPolicy, MessageId> = {
  open: 'rooms.policy.open',
  request: 'rooms.policy.request',
  invite: 'rooms.policy.invite',
};

export const JOIN_ACTION_LABELS: Record<JoinPolicy, MessageId> = {
  open: 'rooms.joinAction.open',
  request: 'rooms.joinAction.request',
  invite: 'rooms.joinAction.invite',
};
