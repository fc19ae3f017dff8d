import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { ConnectionsModule } from '../connections/connections.module';
import { ExportsModule } from '../exports/exports.module';
import { TimeslotsModule } from '../timeslots/timeslots.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

@Module({
  imports: [UsersModule, TimeslotsModule, ConnectionsModule, BlocksModule, ExportsModule],
  controllers: [AccountController],
  providers: [AccountService],
})
export class AccountModule {}
