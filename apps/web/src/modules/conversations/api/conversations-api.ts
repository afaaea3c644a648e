import type { ConversationInbox, ConversationMessagesPage, ConversationReactionsView, ConversationView, CreateConversationRequest, ReactionKind } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export function fetchInbox(signal?: AbortSignal): Promise<ConversationInbox> {
  return apiRequest<ConversationInbox>('/api/conversations', { signal });
}

export function fetchConversation(id: string, signal?: AbortSignal): Promise<ConversationView> {
  return apiRequest<ConversationView>(base(id), { signal });
}

export function fetchMessagesBefore(id: string, before: number, limit: number): Promise<ConversationMessagesPage> {
  return apiRequest<ConversationMessagesPage>(`${base(id)}/messages`, { query: { before, limit } });
}

export function startConversation(body: CreateConversationRequest): Promise<ConversationView> {
  return apiRequest<ConversationView>('/api/conversations', { method: 'POST', body });
}

export function acceptConversation(id: string): Promise<ConversationView> {
  return apiRequest<ConversationView>(`${base(id)}/accept`, { method: 'POST' });
}

export function declineConversation(id: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/decline`, { method: 'POST' });
}

export function leaveConversation(id: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/leave`, { method: 'POST' });
}

export function muteConversation(id: string, muted: boolean): Promise<void> {
  return apiRequest<void>(`${base(id)}/mute`, { method: 'PUT', body: { muted } });
}

export function fetchReactions(id: string, signal?: AbortSignal): Promise<ConversationReactionsView> {
  return apiRequest<ConversationReactionsView>(`${base(id)}/reactions`, { signal });
}

export function setReaction(id: string, messageId: string, kind: ReactionKind, on: boolean): Promise<void> {
  return apiRequest<void>(`${base(id)}/messages/${encodeURIComponent(messageId)}/reactions/${kind}`, { method: on ? 'PUT' : 'DELETE' });
}
