import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AppStateRepository } from '../../database/app-state.repository.js';
import { RoomRepository } from '../room.repository.js';
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
    private readonly appState: AppStateRepository,
    private readonly rooms: RoomRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.seedDemoRooms();
  }

  async seedDemoRooms(): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      // Another instance (or an earlier start) already seeded.
      if (!(await this.appState.putIfAbsent(SEEDED_KEY, { at: new Date().toISOString() }, manager))) return false;
      await this.rooms.insertIfAbsent(DEMO_ROOMS, manager);
      this.logger.log(`seeded ${DEMO_ROOMS.length} demo rooms`);
      return true;
    });
  }
}
