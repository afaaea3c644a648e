import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One-way and private: only the blocker can see that it exists. */
@Entity({ name: 'blocks' })
export class BlockEntity {
  @PrimaryColumn({ type: 'uuid' })
  blockerId: string;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  blockedId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
