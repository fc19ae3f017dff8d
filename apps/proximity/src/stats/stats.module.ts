import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { StatsConsumer } from './stats.consumer';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';

@Module({
  imports: [SessionsModule],
  controllers: [StatsController, StatsConsumer],
  providers: [StatsRepository],
})
export class StatsModule {}
