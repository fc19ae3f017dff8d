import { Module } from '@nestjs/common';
import { BlocksRepository } from './blocks.repository';
import { ProfilesRepository } from './profiles.repository';

@Module({
  providers: [ProfilesRepository, BlocksRepository],
  exports: [ProfilesRepository, BlocksRepository],
})
export class ProfilesModule {}
