import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { RecoveryController } from './recovery.controller.js';
import { RecoveryService } from './recovery.service.js';
import { SessionEntity } from './session.entity.js';
import { SessionGuard } from './session.guard.js';
import { SessionService } from './session.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, LoginFailureEntity, RecoveryCodeEntity]), UsersModule],
  controllers: [AuthController, RecoveryController],
  providers: [AuthService, SessionService, LoginThrottleService, SessionGuard, RecoveryService, RecoveryCodeRepository],
  exports: [AuthService, SessionService, SessionGuard, RecoveryService],
})
export class AuthModule {}
