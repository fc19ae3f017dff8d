import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { RecoConfig } from './config';

@Module({
  imports: [PlatformModule.forRoot({ service: 'reco', config: RecoConfig, database: {} })],
})
export class AppModule {}
