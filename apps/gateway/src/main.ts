import { bootstrap } from '@rendezvous/platform';
import { AppModule } from './app.module';
import { configureGateway } from './gateway-http';
import { limitHeapGrowth } from './memory/heap-growth';

limitHeapGrowth();
void bootstrap(AppModule, { ownOpenApi: false, configure: configureGateway });
