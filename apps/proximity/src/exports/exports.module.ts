import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ExportRequestsConsumer } from './export-requests.consumer';

@Module({
  imports: [SessionsModule],
  controllers: [ExportRequestsConsumer],
})
export class ExportsModule {}
