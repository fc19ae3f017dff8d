import { bootstrap } from '@rendezvous/platform';
import { AppModule } from './app.module';
import { configureGateway } from './gateway-http';

void bootstrap(AppModule, { ownOpenApi: false, configure: configureGateway });
