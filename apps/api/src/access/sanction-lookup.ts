/** A restriction in force: a mute in one room, or a suspension or ban everywhere. */
export interface ActiveSanction {
  kind: 'mute' | 'suspend' | 'ban';
  reason: string;
  expiresAt: Date | null;
}

/**
 * What the gate needs to know about sanctions. Moderation owns the table and provides this
 * under SANCTION_LOOKUP, so the gate does not depend on moderation (moderation depends on the
 * gate).
 */
export interface SanctionLookup {
  /** The sanction that blocks posting in this room right now (site-wide ones with `null`), the longest-lasting first. */
  activeFor(userId: string, roomId: string | null): Promise<ActiveSanction | null>;
}

export const SANCTION_LOOKUP = Symbol('SanctionLookup');

