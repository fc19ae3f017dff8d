import { Module } from '@nestjs/common';
import { AttendanceRepository } from './attendance.repository';
import { EventEventsConsumer } from './event-events.consumer';

@Module({
  controllers: [EventEventsConsumer],
  providers: [AttendanceRepository],
  exports: [AttendanceRepository],
})
export class AttendanceModule {}
