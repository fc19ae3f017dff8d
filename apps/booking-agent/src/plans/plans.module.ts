import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { PeopleModule } from '../people/people.module';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [DirectoryModule, PeopleModule],
  controllers: [PlansController],
  providers: [PlansRepository, PlansService],
  exports: [PlansRepository, PlansService],
})
export class PlansModule {}
