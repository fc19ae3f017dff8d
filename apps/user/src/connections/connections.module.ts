import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ConnectionsController } from './connections.controller';
import { ConnectionsRepository } from './connections.repository';
import { ConnectionsService } from './connections.service';
import { MatchEventsConsumer } from './match-events.consumer';

@Module({
  imports: [UsersModule],
  controllers: [ConnectionsController, MatchEventsConsumer],
  providers: [ConnectionsRepository, ConnectionsService],
  exports: [ConnectionsRepository],
})
export class ConnectionsModule {}
