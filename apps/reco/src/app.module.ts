import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { RecoConfig } from './config';
import { RecoTables1764500000000 } from './migrations/reco-tables.migration';
import { DeletedPeople } from './people/deleted-people';
import { PeopleModule } from './people/people.module';
import { RecoModule } from './recommendations/reco.module';
import { VenuesModule } from './venues/venues.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'reco',
      config: RecoConfig,
      database: { migrations: [RecoTables1764500000000] },
      revocationCheck: DeletedPeople,
    }),
    PeopleModule,
    VenuesModule,
    RecoModule,
  ],
})
export class AppModule {}
