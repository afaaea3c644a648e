import {
  CHECK_IN_ROUNDS,
  CHECK_IN_WORD_MAX_LENGTH,
  CHECK_IN_WORD_PATTERN_SOURCE,
  PAUSE_MAX_SECONDS,
  PAUSE_MIN_SECONDS,
  SessionPhase,
  type CheckInRound,
  type SessionAttendPayload,
  type SessionCheckInPayload,
  type SessionPausePayload,
  type SessionPhasePayload,
} from '@kindred/contracts';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

const ONE_WORD = new RegExp(CHECK_IN_WORD_PATTERN_SOURCE, 'u');

export class SessionCheckInDto implements SessionCheckInPayload {
  @IsUUID()
  sessionId: string;

  @IsIn(CHECK_IN_ROUNDS)
  round: CheckInRound;

  @IsBoolean()
  pass: boolean;

  @IsOmittable()
  @IsString()
  @Length(1, CHECK_IN_WORD_MAX_LENGTH)
  @Matches(ONE_WORD, { message: 'word must be one word' })
  word?: string;
}

export class SessionPhaseDto implements SessionPhasePayload {
  @IsUUID()
  sessionId: string;

  @IsIn([SessionPhase.Open, SessionPhase.Closing])
  phase: typeof SessionPhase.Open | typeof SessionPhase.Closing;
}

export class SessionAttendDto implements SessionAttendPayload {
  @IsUUID()
  sessionId: string;
}

export class SessionPauseDto implements SessionPausePayload {
  @IsUUID()
  sessionId: string;

  @IsInt()
  @Min(PAUSE_MIN_SECONDS)
  @Max(PAUSE_MAX_SECONDS)
  seconds: number;
}
