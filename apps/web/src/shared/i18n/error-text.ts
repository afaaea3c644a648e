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
  [ErrorCode.RegistrationClosed]: 'error.registrationClosed',
  [ErrorCode.InviteRequired]: 'error.inviteRequired',
  [ErrorCode.RoomArchived]: 'error.roomArchived',
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
  [ErrorCode.MessagesNotAccepted]: 'error.messagesNotAccepted',
  [ErrorCode.ConversationRequestLimit]: 'error.conversationRequestLimit',
  [ErrorCode.SessionOverlap]: 'error.sessionOverlap',
  [ErrorCode.SessionFull]: 'error.sessionFull',
  [ErrorCode.CapacityBelowRsvps]: 'error.capacityBelowRsvps',
  [ErrorCode.AccountSuspended]: 'error.accountSuspended',
  [ErrorCode.ServiceUnavailable]: 'error.serviceUnavailable',
  [ErrorCode.Internal]: 'error.internal',
  [ErrorCode.HttpError]: 'error.httpError',
};

/**
 * Field-level reasons the web has words for, by the detail's code (`validation.<constraint>`
 * with the rule's numbers as params, or a feature's own). A detail with an unknown code (or
 * none) shows the server's own text until its code gets a message here.
 */
const DETAIL_MESSAGES: Partial<Record<string, MessageId>> = {
  'password.warning.straightRow': 'detail.password.warning.straightRow',
  'password.warning.keyPattern': 'detail.password.warning.keyPattern',
  'password.warning.simpleRepeat': 'detail.password.warning.simpleRepeat',
  'password.warning.extendedRepeat': 'detail.password.warning.extendedRepeat',
  'password.warning.sequences': 'detail.password.warning.sequences',
  'password.warning.recentYears': 'detail.password.warning.recentYears',
  'password.warning.dates': 'detail.password.warning.dates',
  'password.warning.topTen': 'detail.password.warning.topTen',
  'password.warning.topHundred': 'detail.password.warning.topHundred',
  'password.warning.common': 'detail.password.warning.common',
  'password.warning.similarToCommon': 'detail.password.warning.similarToCommon',
  'password.warning.wordByItself': 'detail.password.warning.wordByItself',
  'password.warning.namesByThemselves': 'detail.password.warning.namesByThemselves',
  'password.warning.commonNames': 'detail.password.warning.commonNames',
  'password.warning.userInputs': 'detail.password.warning.userInputs',
  'password.warning.pwned': 'detail.password.warning.pwned',
  'password.suggestion.l33t': 'detail.password.suggestion.l33t',
  'password.suggestion.reverseWords': 'detail.password.suggestion.reverseWords',
  'password.suggestion.allUppercase': 'detail.password.suggestion.allUppercase',
  'password.suggestion.capitalization': 'detail.password.suggestion.capitalization',
  'password.suggestion.dates': 'detail.password.suggestion.dates',
  'password.suggestion.recentYears': 'detail.password.suggestion.recentYears',
  'password.suggestion.associatedYears': 'detail.password.suggestion.associatedYears',
  'password.suggestion.sequences': 'detail.password.suggestion.sequences',
  'password.suggestion.repeated': 'detail.password.suggestion.repeated',
  'password.suggestion.longerKeyboardPattern': 'detail.password.suggestion.longerKeyboardPattern',
  'password.suggestion.anotherWord': 'detail.password.suggestion.anotherWord',
  'password.suggestion.useWords': 'detail.password.suggestion.useWords',
  'password.suggestion.noNeed': 'detail.password.suggestion.noNeed',
  'password.suggestion.pwned': 'detail.password.suggestion.pwned',
  'password.weak': 'detail.password.weak',
  'password.tooShort': 'detail.password.tooShort',
  'password.tooLong': 'detail.password.tooLong',
  'password.containsHandle': 'detail.password.containsHandle',
  'password.notCurrent': 'detail.password.notCurrent',
  'handle.taken': 'detail.handle.taken',
  'twoStep.codeMismatch': 'detail.twoStep.codeMismatch',
  'field.required': 'detail.field.required',
  'action.notApplicable': 'detail.action.notApplicable',
  'date.unreadable': 'detail.date.unreadable',
  'reply.outsidePlace': 'detail.reply.outsidePlace',
  'warning.contradictory': 'detail.warning.contradictory',
  'warning.required': 'detail.warning.required',
  'session.startInPast': 'detail.session.startInPast',
  'session.unknownTimeZone': 'detail.session.unknownTimeZone',
  'session.invalidStart': 'detail.session.invalidStart',
  'session.capacityBelowRsvps': 'detail.session.capacityBelowRsvps',
  'session.over': 'detail.session.over',
  'session.notRunning': 'detail.session.notRunning',
  'session.roundClosed': 'detail.session.roundClosed',
  'validation.isString': 'detail.validation.isString',
  'validation.isLength': 'detail.validation.isLength',
  'validation.maxLength': 'detail.validation.maxLength',
  'validation.minLength': 'detail.validation.minLength',
  'validation.isUuid': 'detail.validation.isUuid',
  'validation.isIn': 'detail.validation.isIn',
  'validation.isInt': 'detail.validation.isInt',
  'validation.min': 'detail.validation.min',
  'validation.max': 'detail.validation.max',
  'validation.isBoolean': 'detail.validation.isBoolean',
  'validation.matches': 'detail.validation.matches',
  'validation.arrayMaxSize': 'detail.validation.arrayMaxSize',
  'validation.isEmail': 'detail.validation.isEmail',
  'validation.whitelistValidation': 'detail.validation.whitelistValidation',
};

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
