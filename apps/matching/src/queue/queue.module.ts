import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { QueueLedgerConsumer } from './queue-ledger.consumer';
import { QueueLedgerRepository } from './queue-ledger.repository';
import { QueueMetrics } from './queue-metrics';
import { QueueRecovery } from './queue-recovery';
import { QueueStore } from './queue-store';
import { QueueSweeper } from './queue-sweeper';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';

@Module({
  imports: [PeopleModule],
  controllers: [QueueController, QueueLedgerConsumer],
  providers: [
    QueueStore,
    QueueService,
    QueueMetrics,
    QueueSweeper,
    QueueLedgerRepository,
    QueueRecovery,
  ],
  exports: [QueueStore, QueueMetrics],
})
export class QueueModule {}
