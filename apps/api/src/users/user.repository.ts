import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FORMER_MEMBER_HANDLE, Role, type AuthorView } from '@kindred/contracts';
import { And, Like, MoreThan, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { createUser, handleKeyOf, type NewUser } from './create-user.js';
import { EntityRows } from '../database/entity-rows.js';
import { UserEntity } from './user.entity.js';

export interface MemberSettingsRow {
  showPresence: boolean;
  showTyping: boolean;
  mentionsFrom: UserEntity['mentionsFrom'];
  whoCanMessageMe: UserEntity['whoCanMessageMe'];
  readReceipts: boolean;
  language: UserEntity['language'];
  country: string | null;
}

/** Every query on `users`. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(manager: EntityManager = this.db.manager): Repository<UserEntity> {
    return manager.getRepository(UserEntity);
  }

  /** The member's columns and row mapping, for a declared read join on a hot path (READ_JOINS). */
  entityRows(alias: string): EntityRows<UserEntity> {
    return new EntityRows(this.db, UserEntity, alias);
  }

  create(input: NewUser, manager: EntityManager = this.db.manager): Promise<UserEntity> {
    return createUser(manager, input);
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.repo().findOne({ where: { handleKey: handleKeyOf(handle) } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo().findOne({ where: { id } });
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).exists({ where: { id } });
  }

  async adminExists(manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).exists({ where: { role: Role.Admin } });
  }

  /** A member who has not deleted their account, by the handle they type (for the banned-appeal form). */
  async liveCredentials(handle: string): Promise<{ id: string; role: Role; passwordHash: string } | undefined> {
    const [user] = (await this.db.query(`SELECT id, role, password_hash FROM users WHERE handle_key = $1 AND deleted_at IS NULL`, [handleKeyOf(handle)])) as {
      id: string;
      role: Role;
      password_hash: string;
    }[];
    return user && { id: user.id, role: user.role, passwordHash: user.password_hash };
  }

  async isLive(id: string): Promise<boolean> {
    const [row] = (await this.db.query('SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', [id])) as unknown[];
    return !!row;
  }

  /** Live members with a site role above member: candidates only, the gate decides what each may do. */
  async siteStaffIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM users WHERE role <> 'member' AND deleted_at IS NULL ORDER BY handle_key LIMIT $1`, [limit]);
    return rows.map((r) => r.id);
  }

  /** Of these members, the live global moderators and admins: they read every room. */
  async staffAmong(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role IN ('${Role.Moderator}', '${Role.Admin}') AND deleted_at IS NULL`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Keyset page ordered by handle, so admins can walk a large member list. */
  listPage(limit: number, afterHandleKey?: string, handlePrefix?: string): Promise<UserEntity[]> {
    const after = afterHandleKey ? MoreThan(afterHandleKey) : undefined;
    // LIKE's own wildcards in a typed prefix are matched as themselves.
    const prefix = handlePrefix ? Like(`${handlePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
    const handleKey = after && prefix ? And(after, prefix) : (after ?? prefix);
    return this.repo().find({
      where: handleKey ? { handleKey } : {},
      order: { handleKey: 'ASC' },
      take: limit,
    });
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.repo().save(user);
  }

  async setPasswordHash(id: string, passwordHash: string, changedAt: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash, passwordChangedAt: changedAt });
  }

  async updateSettings(id: string, settings: MemberSettingsRow): Promise<void> {
    await this.db.query('UPDATE users SET show_presence = $2, show_typing = $3, mentions_from = $4, language = $5, country = $6, who_can_message_me = $7, read_receipts = $8 WHERE id = $1', [
      id,
      settings.showPresence,
      settings.showTyping,
      settings.mentionsFrom,
      settings.language,
      settings.country,
      settings.whoCanMessageMe,
      settings.readReceipts,
    ]);
  }

  /**
   * Id and handle of each of these members (deleted accounts read "former member"); one
   * query for a whole page of authors, reporters or moderators.
   */
  async handles(ids: readonly (string | null | undefined)[]): Promise<Map<string, AuthorView>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (unique.length === 0) return new Map();
    const rows: AuthorView[] = await this.db.query('SELECT id, handle FROM users WHERE id = ANY($1::uuid[])', [unique]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Members named by these handle keys (not the author, not deleted), their role (for the gate) and whom they accept mentions from. */
  async mentionCandidates(handleKeys: string[], authorId: string, manager?: EntityManager): Promise<{ id: string; role: Role; mentionsFrom: UserEntity['mentionsFrom'] }[]> {
    const rows: { id: string; role: Role; mentions_from: UserEntity['mentionsFrom'] }[] = await (manager ?? this.db.manager).query(
      `SELECT u.id, u.role, u.mentions_from FROM users u WHERE u.handle_key = ANY($1::text[]) AND u.id <> $2 AND u.deleted_at IS NULL`,
      [handleKeys, authorId],
    );
    return rows.map((r) => ({ id: r.id, role: r.role, mentionsFrom: r.mentions_from }));
  }

  /**
   * Members who could receive a conversation (live accounts, not `authorId`), with who they
   * accept one from.
   */
  async messagingChoices(ids: string[], authorId: string): Promise<{ id: string; handle: string; whoCanMessageMe: UserEntity['whoCanMessageMe'] }[]> {
    const rows: { id: string; handle: string; who_can_message_me: UserEntity['whoCanMessageMe'] }[] = await this.db.query(
      'SELECT id, handle, who_can_message_me FROM users WHERE id = ANY($1::uuid[]) AND id <> $2 AND deleted_at IS NULL',
      [ids, authorId],
    );
    return rows.map((r) => ({ id: r.id, handle: r.handle, whoCanMessageMe: r.who_can_message_me }));
  }

  /** Whether every one of these members turned read receipts on (false if any is missing). */
  async allShowReadReceipts(ids: string[]): Promise<boolean> {
    const [row] = (await this.db.query('SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND read_receipts AND deleted_at IS NULL', [ids])) as { n: number }[];
    return row!.n === new Set(ids).size;
  }

  /** The member's chosen country and language (for crisis resources); null where they have not said. */
  async placeOf(id: string): Promise<{ country: string | null; language: string | null }> {
    const [row] = (await this.db.query('SELECT country, language FROM users WHERE id = $1', [id])) as { country: string | null; language: string | null }[];
    return { country: row?.country ?? null, language: row?.language ?? null };
  }

  /** The row stays (content refers to it) but nothing identifying remains. */
  async anonymize(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE users SET handle = '${FORMER_MEMBER_HANDLE}', handle_key = $2, password_hash = '', email = NULL, deleted_at = $3,
              show_presence = false, show_typing = false, mentions_from = 'nobody', who_can_message_me = 'nobody', country = NULL WHERE id = $1`,
      [id, `deleted-${id.replace(/-/g, '').slice(0, 24)}`, at],
    );
  }
}
