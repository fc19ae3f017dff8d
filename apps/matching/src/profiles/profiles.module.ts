import { Module } from '@nestjs/common';
import { ProfilesRepository } from './profiles.repository';
import { BlocksProjection } from '@rendezvous/platform';

@Module({
  providers: [ProfilesRepository, BlocksProjection],
  exports: [ProfilesRepository, BlocksProjection],
})
export class ProfilesModule {}
