import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@kindred/contracts';
import type { AccessGrant, Actor } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { SafetyService } from './safety.service.js';
import { defaultPreferences, ViewerFilter } from './viewer-filter.js';

/** Who is looking, what they chose not to see, and whether they moderate here. */
export interface ViewerContext {
  userId: string | undefined;
  filter: ViewerFilter;
  canModerate: boolean;
}

/** Builds the per-request view of "who is looking and what they chose not to see". */
@Injectable()
export class ViewerService {
  constructor(private readonly safety: SafetyService) {}

  async context(user: Actor | undefined, grant: AccessGrant): Promise<ViewerContext> {
    return { userId: user?.id, filter: await this.safety.viewerFilter(user?.id), canModerate: grant.canModerate };
  }

  /** No hiding, for the author's own words; knowing the viewer keeps their view unchanged by automatic warnings. */
  unfiltered(viewerId?: string): ViewerFilter {
    return new ViewerFilter(defaultPreferences(), [], viewerId);
  }

  /**
   * Content the viewer hides is answered with a 404, like content that does not exist; its
   * own code lets the app explain it as their choice. Only people who may read the room get
   * this far, so the code reveals nothing to outsiders.
   */
  hiddenBySettings(): AppError {
    return new AppError({ status: HttpStatus.NOT_FOUND, code: ErrorCode.HiddenBySettings, message: 'This is hidden by your content settings or a block.' });
  }
}
