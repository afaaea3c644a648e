import { Module } from '@nestjs/common';
import { PersonalFilterRepository } from './personal-filter.repository.js';
import { PersonalFiltersController } from './personal-filters.controller.js';
import { PersonalFiltersService } from './personal-filters.service.js';

/** A member's private filters; safety/ applies them with the rest of the viewer's choices. */
@Module({
  controllers: [PersonalFiltersController],
  providers: [PersonalFilterRepository, PersonalFiltersService],
  exports: [PersonalFiltersService],
})
export class PersonalFiltersModule {}
