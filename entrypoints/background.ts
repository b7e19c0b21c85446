import { createEntityRepo } from '../lib/entities/repo';
import { openDb } from '../lib/store/db';
import { createBackgroundService } from '../services/background-service';
import { loadKnowledgeBase } from '../services/knowledge-base';

export default defineBackground(() => {
  const knowledgeBase = loadKnowledgeBase(createEntityRepo(openDb()));
  createBackgroundService(knowledgeBase).init();
});
