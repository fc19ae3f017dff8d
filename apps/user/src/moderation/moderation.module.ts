import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AccountStandingService } from './account-standing.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersRepository } from './admin-users.repository';
import { AdminUsersService } from './admin-users.service';
import { SuspensionExpiry } from './suspension-expiry';

@Module({
  imports: [UsersModule, AuditModule],
  controllers: [AdminUsersController],
  providers: [AccountStandingService, AdminUsersRepository, AdminUsersService, SuspensionExpiry],
  exports: [AccountStandingService],
})
export class ModerationModule {}
