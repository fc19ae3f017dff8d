import { Module } from '@nestjs/common';
import { ExportRequestsConsumer } from './export-requests.consumer';
import { PersonalDataRepository } from './personal-data.repository';

@Module({
  controllers: [ExportRequestsConsumer],
  providers: [PersonalDataRepository],
})
export class ExportsModule {}
