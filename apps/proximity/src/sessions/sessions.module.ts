import { Module } from '@nestjs/common';
import { ProximityConfig } from '../config';
import { EncountersService } from './encounters.service';
import { InterestHasher } from './interest-hasher';
import { ProximityMetrics } from './proximity-metrics';
import { SessionStore } from './session-store';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { StandingRepository } from './standing.repository';

@Module({
  controllers: [SessionsController],
  providers: [
    SessionStore,
    SessionsService,
    EncountersService,
    ProximityMetrics,
    StandingRepository,
    {
      provide: InterestHasher,
      inject: [ProximityConfig],
      useFactory: (config: ProximityConfig) => InterestHasher.fromConfig(config),
    },
  ],
  exports: [SessionStore, SessionsService],
})
export class SessionsModule {}
