import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { RoomEntity } from '../../rooms/room.entity.js';
import { AppStateEntity } from '../app-state.entity.js';
import { DEMO_ROOMS } from './demo-rooms.js';

const SEEDED_KEY = 'demo_seeded';

/**
 * Seeds demo rooms once per database (first start with the embedded database, or when
 * SEED_DEMO_DATA=true). A marker row keeps it from coming back after admins edit rooms.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.seedDemoRooms();
  }

  async seedDemoRooms(): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AppStateEntity)
        .values({ key: SEEDED_KEY, value: { at: new Date().toISOString() } })
        .orIgnore()
        .execute();
      // Another instance (or an earlier start) already seeded.
      if ((inserted.raw as unknown[]).length === 0) return false;
      await manager.createQueryBuilder().insert().into(RoomEntity).values(DEMO_ROOMS).orIgnore().execute();
      this.logger.log(`seeded ${DEMO_ROOMS.length} demo rooms`);
      return true;
    });
  }
}
