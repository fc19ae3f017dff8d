import { Module } from '@nestjs/common';
import { QueueMetrics } from './queue-metrics';
import { QueueStore } from './queue-store';
import { QueueSweeper } from './queue-sweeper';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';

@Module({
  controllers: [QueueController],
  providers: [QueueStore, QueueService, QueueMetrics, QueueSweeper],
  exports: [QueueStore, QueueMetrics],
})
export class QueueModule {}
