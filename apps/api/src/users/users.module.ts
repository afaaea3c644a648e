import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller.js';
import { UserRepository } from './user.repository.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [AdminUsersController],
  providers: [UsersService, UserRepository],
  exports: [UsersService, UserRepository],
})
export class UsersModule {}
