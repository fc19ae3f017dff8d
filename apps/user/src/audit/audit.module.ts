import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuditEventsConsumer } from './audit-events.consumer';
import { AuditLogRepository } from './audit-log.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({
  imports: [UsersModule],
  controllers: [AuditController, AuditEventsConsumer],
  providers: [AuditLogRepository, AuditService],
  exports: [AuditLogRepository],
})
export class AuditModule {}
