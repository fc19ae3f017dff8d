import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { ExportRequestsConsumer } from './export-requests.consumer';
import { PersonalDataRepository } from './personal-data.repository';

@Module({
  imports: [QueueModule],
  controllers: [ExportRequestsConsumer],
  providers: [PersonalDataRepository],
})
export class ExportsModule {}
