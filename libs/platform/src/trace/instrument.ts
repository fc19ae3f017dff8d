// Imported first by the platform's entry point: instrumentations patch modules as they load.
import { instrumentOrExit } from './tracing';

instrumentOrExit();
