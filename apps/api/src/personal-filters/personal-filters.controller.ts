import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { PersonalFilter } from '@kindred/contracts';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { CreatePersonalFilterDto, UpdatePersonalFilterDto } from './dto/personal-filter.dto.js';
import { PersonalFiltersService } from './personal-filters.service.js';

/** Only ever the signed-in member's own filters: no route names anyone else. */
@ApiTags('safety')
@ApiCookieAuth()
@Controller('me/filters')
export class PersonalFiltersController {
  constructor(private readonly filters: PersonalFiltersService) {}

  @Get()
  @RequireAccess(Action.AccountRead)
  list(@CurrentAuth() auth: AuthContext): Promise<PersonalFilter[]> {
    return this.filters.list(auth.user.id);
  }

  @Post()
  @RequireAccess(Action.AccountManage)
  add(@CurrentAuth() auth: AuthContext, @Body() dto: CreatePersonalFilterDto): Promise<PersonalFilter> {
    return this.filters.add(auth.user.id, dto);
  }

  @Patch(':filterId')
  @RequireAccess(Action.AccountManage)
  edit(@CurrentAuth() auth: AuthContext, @Param('filterId', new ParseUUIDPipe()) filterId: string, @Body() dto: UpdatePersonalFilterDto): Promise<PersonalFilter> {
    return this.filters.edit(auth.user.id, filterId, dto);
  }

  @Delete(':filterId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireAccess(Action.AccountManage)
  async remove(@CurrentAuth() auth: AuthContext, @Param('filterId', new ParseUUIDPipe()) filterId: string): Promise<void> {
    await this.filters.remove(auth.user.id, filterId);
  }
}
