import { bootstrap } from '@rendezvous/platform';
import { AppModule } from './app.module';

void bootstrap(AppModule);
