import { createEntityRepo } from '../lib/entities/repo';
import { openDb } from '../lib/store/db';
import { createBackgroundService } from '../services/background-service';
import { createEntityAdmin } from '../services/entity-admin';
import { createKnowledgeBase } from '../services/knowledge-base';

export default defineBackground(() => {
  const repo = createEntityRepo(openDb());
  const knowledgeBase = createKnowledgeBase(repo);
  createBackgroundService(knowledgeBase, createEntityAdmin(repo, knowledgeBase)).init();
});
