import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { RecoConfig } from './config';
import { RecoBlocks1765100000000 } from './migrations/blocks.migration';
import { RecoTables1764500000000 } from './migrations/reco-tables.migration';
import { PeopleModule } from './people/people.module';
import { RecoModule } from './recommendations/reco.module';
import { VenuesModule } from './venues/venues.module';
import { ExportsModule } from './exports/exports.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'reco',
      config: RecoConfig,
      database: { migrations: [RecoTables1764500000000, RecoBlocks1765100000000] },
      tombstones: { table: 'people', idColumn: 'user_id' },
    }),
    PeopleModule,
    VenuesModule,
    RecoModule,
    ExportsModule,
  ],
})
export class AppModule {}
