import { Module } from '@nestjs/common';
import { BookingAgentConfig } from '../config';
import { DirectoryModule } from '../directory/directory.module';
import { PlansModule } from '../plans/plans.module';
import { AgentEventsConsumer } from './agent-events.consumer';
import { BookingAgent } from './booking-agent.service';
import { BOOKING_PROVIDER } from './booking-provider';
import { InHouseProvider } from './in-house.provider';
import { seededRandom } from '@rendezvous/platform';
import { SimulatedExternalProvider } from './simulated.provider';
import { VenueReservationsRepository } from './venue-reservations.repository';

@Module({
  imports: [PlansModule, DirectoryModule],
  controllers: [AgentEventsConsumer],
  providers: [
    InHouseProvider,
    VenueReservationsRepository,
    {
      provide: BOOKING_PROVIDER,
      inject: [BookingAgentConfig, InHouseProvider],
      useFactory: (config: BookingAgentConfig, inHouse: InHouseProvider) =>
        config.BOOKING_PROVIDER === 'simulated'
          ? new SimulatedExternalProvider(
              inHouse,
              {
                latencyMs: config.BOOKING_SIMULATED_LATENCY_MS,
                failureRate: config.BOOKING_SIMULATED_FAILURE_RATE,
                timeoutRate: config.BOOKING_SIMULATED_TIMEOUT_RATE,
                timeoutMs: config.BOOKING_PROVIDER_TIMEOUT_MS,
              },
              config.BOOKING_SIMULATED_SEED === 0
                ? Math.random
                : seededRandom(config.BOOKING_SIMULATED_SEED),
            )
          : inHouse,
    },
    BookingAgent,
  ],
  exports: [BookingAgent, BOOKING_PROVIDER],
})
export class AgentModule {}
