import { Module } from '@nestjs/common';
import { ProximityConfig } from '../config';
import { EncountersService } from './encounters.service';
import { InterestHasher } from './interest-hasher';
import { BlocksProjection } from '@rendezvous/platform';
import { DeletedPeopleRepository } from '../people/deleted-people.repository';
import { ProximityMetrics } from './proximity-metrics';
import { ProximityRecovery } from './proximity-recovery';
import { SessionLedgerRepository } from './session-ledger.repository';
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
    SessionLedgerRepository,
    DeletedPeopleRepository,
    ProximityRecovery,
    BlocksProjection,
    {
      provide: InterestHasher,
      inject: [ProximityConfig],
      useFactory: (config: ProximityConfig) => InterestHasher.fromConfig(config),
    },
  ],
  exports: [
    SessionStore,
    SessionsService,
    SessionLedgerRepository,
    BlocksProjection,
    DeletedPeopleRepository,
  ],
})
export class SessionsModule {}
