import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { PeopleModule } from '../people/people.module';
import { RankingModule } from '../ranking/ranking.module';
import { CandidatesRepository } from './candidates.repository';
import { DiscoveryController } from './discovery.controller';
import { DiscoveryService } from './discovery.service';
import { ScoringSettingsProvider } from './scoring-settings.provider';

@Module({
  imports: [PeopleModule, AttendanceModule, RankingModule],
  controllers: [DiscoveryController],
  providers: [CandidatesRepository, DiscoveryService, ScoringSettingsProvider],
  exports: [ScoringSettingsProvider],
})
export class DiscoveryModule {}
