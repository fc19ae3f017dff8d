import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ExportEventsConsumer } from './export-events.consumer';
import { ExportSweep } from './export-sweep';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { OwnDataRepository } from './own-data.repository';

@Module({
  imports: [UsersModule],
  controllers: [ExportsController, ExportEventsConsumer],
  providers: [ExportsService, ExportsRepository, OwnDataRepository, ExportSweep],
  exports: [ExportsRepository],
})
export class ExportsModule {}
