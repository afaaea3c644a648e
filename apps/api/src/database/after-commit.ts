import { Logger } from '@nestjs/common';
import { EventSubscriber, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

const logger = new Logger('AfterCommit');

/** Work waiting for each open transaction's commit, by the query runner that holds it. */
const waiting = new WeakMap<QueryRunner, (() => void)[]>();

/**
 * Runs `work` once what `manager` wrote is committed: at once outside a transaction, never
 * after a rollback. For telling others (sockets, other instances) about a change: told before
 * the commit, they read it back and find nothing yet, or find nothing ever after a rollback.
 */
export function afterCommit(manager: EntityManager | undefined, work: () => void): void {
  const runner = manager?.queryRunner;
  if (!runner?.isTransactionActive) return work();
  const list = waiting.get(runner);
  if (list) list.push(work);
  else waiting.set(runner, [work]);
}

/** TypeORM's hook for the outermost commit or rollback (a savepoint's release leaves the transaction open). */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive) return;
    const list = waiting.get(queryRunner);
    waiting.delete(queryRunner);
    for (const work of list ?? []) {
      // Committed already: a failure here must not reach the caller as if the write had failed.
      try {
        work();
      } catch (error) {
        logger.error(`work after a commit failed: ${String(error)}`);
      }
    }
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) waiting.delete(queryRunner);
  }
}
