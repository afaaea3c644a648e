import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import { CurrentUserDto } from '../auth/dto/current-user.dto.js';
import { ChangeRoleDto, ListUsersQuery } from './dto/admin-users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireAccess(Action.AdminUsersRead)
  @ApiOkResponse({ type: [CurrentUserDto] })
  async list(@Query() query: ListUsersQuery): Promise<CurrentUserDto[]> {
    const users = await this.users.listPage(query.limit ?? 50, query.after?.toLowerCase());
    return users.map((u) => CurrentUserDto.from(u));
  }

  @Patch(':id/role')
  @RequireAccess(Action.AdminUsersChangeRole)
  @ApiOkResponse({ type: CurrentUserDto })
  async changeRole(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ChangeRoleDto): Promise<CurrentUserDto> {
    return CurrentUserDto.from(await this.users.setRole(id, dto.role));
  }
}
