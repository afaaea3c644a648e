import { ErrorCode, type ApiError, type ApiErrorDetail } from '@kindred/contracts';
import { useCallback } from 'react';
import { toDisplayError } from '../lib/api-client';
import type { MessageId } from './message-id';
import { useT, type Translate } from './use-t';

/**
 * The server sends a stable code (plus params); the words are the web's, in the member's
 * language. Typing this as a full Record makes a new code without a message a compile error.
 */
const ERROR_MESSAGES: Record<ErrorCode, MessageId> = {
  [ErrorCode.ValidationFailed]: 'error.validationFailed',
  [ErrorCode.MalformedJson]: 'error.malformedRequest',
  [ErrorCode.UnsupportedMediaType]: 'error.malformedRequest',
  [ErrorCode.PayloadTooLarge]: 'error.payloadTooLarge',
  [ErrorCode.NotFound]: 'error.notFound',
  [ErrorCode.HiddenBySettings]: 'error.hiddenBySettings',
  [ErrorCode.RouteNotFound]: 'error.notFound',
  [ErrorCode.Unauthenticated]: 'error.unauthenticated',
  [ErrorCode.InvalidCredentials]: 'error.invalidCredentials',
  [ErrorCode.Forbidden]: 'error.forbidden',
  [ErrorCode.CrossOriginRejected]: 'error.crossOrigin',
  [ErrorCode.Conflict]: 'error.conflict',
  [ErrorCode.HandleTaken]: 'error.handleTaken',
  [ErrorCode.WeakPassword]: 'error.weakPassword',
  [ErrorCode.RateLimited]: 'error.rateLimited',
  [ErrorCode.LoginLocked]: 'error.loginLocked',
  [ErrorCode.RecoveryCodeInvalid]: 'error.recoveryCodeInvalid',
  [ErrorCode.TwoStepCodeInvalid]: 'error.twoStepCodeInvalid',
  [ErrorCode.TwoStepExpired]: 'error.twoStepExpired',
  [ErrorCode.PasskeyInvalid]: 'error.passkeyInvalid',
  [ErrorCode.SetupUnavailable]: 'error.setupUnavailable',
  [ErrorCode.SetupTokenInvalid]: 'error.setupTokenInvalid',
  [ErrorCode.InvalidCursor]: 'error.invalidCursor',
  [ErrorCode.WarningRequired]: 'error.warningRequired',
  [ErrorCode.GuidelinesNotAccepted]: 'error.guidelinesNotAccepted',
  [ErrorCode.InviteInvalid]: 'error.inviteInvalid',
  [ErrorCode.NotAMember]: 'error.notAMember',
  [ErrorCode.ThreadLocked]: 'error.threadLocked',
  [ErrorCode.SlowMode]: 'error.slowMode',
  [ErrorCode.PostNotEditable]: 'error.postNotEditable',
  [ErrorCode.Muted]: 'error.muted',
  [ErrorCode.ChatLocked]: 'error.chatLocked',
  [ErrorCode.NotInRoom]: 'error.notInRoom',
  [ErrorCode.ReportLimit]: 'error.reportLimit',
  [ErrorCode.AlreadyDecided]: 'error.alreadyDecided',
  [ErrorCode.SameModerator]: 'error.sameModerator',
  [ErrorCode.NotAppealable]: 'error.notAppealable',
  [ErrorCode.NotACrisisItem]: 'error.notACrisisItem',
  [ErrorCode.AccountSuspended]: 'error.accountSuspended',
  [ErrorCode.ServiceUnavailable]: 'error.serviceUnavailable',
  [ErrorCode.Internal]: 'error.internal',
  [ErrorCode.HttpError]: 'error.httpError',
};

/**
 * Field-level reasons the web has words for, by the detail's code. A detail with an unknown
 * code (or none) shows the server's own text until its code gets a message here.
 */
const DETAIL_MESSAGES: Partial<Record<string, MessageId>> = {};

export function errorText(error: ApiError, t: Translate): string {
  const id = ERROR_MESSAGES[error.code] as MessageId | undefined;
  return id ? t(id, { status: error.statusCode, ...error.params }) : error.message;
}

export function detailText(detail: ApiErrorDetail, t: Translate): string {
  const id = detail.code ? DETAIL_MESSAGES[detail.code] : undefined;
  return id ? t(id, detail.params) : detail.problem;
}

/** `errorTextOf(cause)` for anything a request threw, in the active language. */
export function useErrorText(): (cause: unknown) => string {
  const t = useT();
  return useCallback((cause: unknown) => errorText(toDisplayError(cause), t), [t]);
}
