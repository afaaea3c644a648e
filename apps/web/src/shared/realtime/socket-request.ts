import type { ChatAck, ChatClientToServerEvents, ChatError } from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';
import type { RealtimeSocket } from './realtime-connection';

type EventName = keyof ChatClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ChatClientToServerEvents[E]>[0];
export type AckOf<E extends EventName> = Parameters<Parameters<ChatClientToServerEvents[E]>[1]>[0];

/** No answer in time (the connection dropped, or the server is slow): the outcome is unknown. */
export class NoAckError extends Error {
  constructor() {
    super('No answer from the server.');
    this.name = 'NoAckError';
  }
}

const ACK_TIMEOUT_MS = 8_000;

/**
 * Emits a client event and resolves with its acknowledgement. Refuses at once while offline:
 * socket.io would otherwise buffer the event and send it on reconnect, before the room is
 * joined again.
 */
export async function socketRequest<E extends EventName>(
  socket: RealtimeSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<AckOf<E>> {
  if (!socket.connected) throw new NoAckError();
  const timed = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<unknown>;
  };
  try {
    return (await timed.emitWithAck(event, payload)) as AckOf<E>;
  } catch {
    throw new NoAckError();
  }
}

/** A refusal in the same shape the server uses, for problems found before sending. */
export function localRefusal(message: string): ChatError {
  return { ok: false, code: ErrorCode.ServiceUnavailable, message };
}

export function isRefusal<T extends object>(ack: ChatAck<T>): ack is ChatError {
  return ack.ok === false;
}

export const OFFLINE_MESSAGE = 'Live chat is reconnecting. Please try again in a moment.';

/** Sends a one-off event and turns "no answer" into a refusal the UI can show. */
export async function requestOrRefusal<E extends EventName>(socket: RealtimeSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E> | ChatError> {
  try {
    return await socketRequest(socket, event, payload);
  } catch {
    return localRefusal(OFFLINE_MESSAGE);
  }
}
