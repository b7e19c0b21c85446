import { STARTER_ENTITIES } from '../lib/entities/starter';
import { createBackgroundService } from '../services/background-service';

export default defineBackground(() => {
  createBackgroundService(STARTER_ENTITIES).init();
});
