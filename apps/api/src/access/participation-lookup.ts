import type { ConversationKind } from '@kindred/contracts';

/** Where one member stands in one conversation (see ConversationParticipantEntity). */
export interface Participation {
  kind: ConversationKind;
  state: 'invited' | 'active' | 'declined' | 'left';
}

/**
 * What the gate needs to know about conversations. conversations/ owns the tables and provides
 * this under PARTICIPATION_LOOKUP, so the gate depends on no feature module (as for sanctions).
 */
export interface ParticipationLookup {
  /** null when the member was never in it (or it does not exist). */
  participation(conversationId: string, userId: string): Promise<Participation | null>;
}

export const PARTICIPATION_LOOKUP = Symbol('ParticipationLookup');
