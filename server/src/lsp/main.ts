/** Entry point of the bundled server (dist/server.cjs). */
import { startServer } from './server.js';

startServer();
