import { SiteSettingsModule } from '../site-settings/site-settings.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DraftStoreModule } from '../drafts/draft-store.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountSecurityDataService } from './account-security-data.service.js';
import { AccountSafetyService } from './account-safety.service.js';
import { AuthCeremoniesService } from './auth-ceremonies.service.js';
import { AuthCeremonyEntity } from './auth-ceremony.entity.js';
import { AuthCeremonyRepository } from './auth-ceremony.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasskeyController } from './passkey.controller.js';
import { PasskeyEntity } from './passkey.entity.js';
import { PasskeyRepository } from './passkey.repository.js';
import { PasskeySignInService } from './passkey-sign-in.service.js';
import { PasskeyService } from './passkey.service.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { RecoveryController } from './recovery.controller.js';
import { RecoveryService } from './recovery.service.js';
import { SafetyCheckController } from './safety-check.controller.js';
import { SessionEntity } from './session.entity.js';
import { SessionGuard } from './session.guard.js';
import { SessionService } from './session.service.js';
import { SignInEventEntity } from './sign-in-event.entity.js';
import { SignInEventRepository } from './sign-in-event.repository.js';
import { SignInHistoryService } from './sign-in-history.service.js';
import { TotpCredentialEntity } from './totp-credential.entity.js';
import { TotpCredentialRepository } from './totp-credential.repository.js';
import { TotpController } from './totp.controller.js';
import { TotpService } from './totp.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, LoginFailureEntity, RecoveryCodeEntity, SignInEventEntity, TotpCredentialEntity, AuthCeremonyEntity, PasskeyEntity]), UsersModule, NotificationsModule, SiteSettingsModule, DraftStoreModule],
  controllers: [AuthController, RecoveryController, SafetyCheckController, TotpController, PasskeyController],
  providers: [AuthService, SessionService, LoginThrottleService, SessionGuard, RecoveryService, RecoveryCodeRepository, SignInHistoryService, SignInEventRepository, AccountSafetyService, AccountSecurityDataService, TotpService, TotpCredentialRepository, AuthCeremoniesService, AuthCeremonyRepository, PasskeyService, PasskeyRepository, PasskeySignInService],
  exports: [AuthService, SessionService, SessionGuard, AccountSecurityDataService],
})
export class AuthModule {}
