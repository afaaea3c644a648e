import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import { CurrentUserDto } from '../auth/dto/current-user.dto.js';
import { ListUsersQuery } from './dto/admin-users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('admin/users')
/** Listing and finding members; role changes are in site-settings/ (they are logged with a reason). */
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireAccess(Action.AdminUsersRead)
  @ApiOkResponse({ type: [CurrentUserDto] })
  async list(@Query() query: ListUsersQuery): Promise<CurrentUserDto[]> {
    const users = await this.users.listPage(query.limit ?? 50, query.after?.toLowerCase(), query.q?.toLowerCase());
    return users.map((u) => CurrentUserDto.from(u));
  }
}
