import { createEntityRepo } from '../lib/entities/repo';
import { openDb } from '../lib/store/db';
import { createSettingsRepo } from '../lib/store/settings';
import { createBackgroundService } from '../services/background-service';
import { createEntityAdmin } from '../services/entity-admin';
import { createKnowledgeBase } from '../services/knowledge-base';

export default defineBackground(() => {
  const db = openDb();
  const repo = createEntityRepo(db);
  const settings = createSettingsRepo(db);
  const knowledgeBase = createKnowledgeBase(repo);
  createBackgroundService({ knowledgeBase, repo, settings }, createEntityAdmin(repo, knowledgeBase, settings)).init();
});
