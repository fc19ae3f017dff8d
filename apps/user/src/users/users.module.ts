import { Module } from '@nestjs/common';
import { BlocksRepository } from '../blocks/blocks.repository';
import { ActiveUserGuard } from '../common/active-user.guard';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  // Blocks decide who may see and reach whom, so every feature that imports users has them too.
  providers: [UsersRepository, BlocksRepository, UsersService, ActiveUserGuard],
  exports: [UsersRepository, BlocksRepository, ActiveUserGuard],
})
export class UsersModule {}
