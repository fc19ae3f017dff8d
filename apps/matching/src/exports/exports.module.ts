import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { RankingModule } from '../ranking/ranking.module';
import { ExportRequestsConsumer } from './export-requests.consumer';
import { PersonalDataRepository } from './personal-data.repository';

@Module({
  imports: [QueueModule, RankingModule],
  controllers: [ExportRequestsConsumer],
  providers: [PersonalDataRepository],
})
export class ExportsModule {}
