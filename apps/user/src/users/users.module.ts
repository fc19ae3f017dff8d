import { Module } from '@nestjs/common';
import { ActiveUserGuard } from '../common/active-user.guard';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, ActiveUserGuard],
  exports: [UsersRepository, ActiveUserGuard],
})
export class UsersModule {}
