import { createEntityRepo } from '../lib/entities/repo';
import { createArticleRepo } from '../lib/memory/article-repo';
import { openDb } from '../lib/store/db';
import { createFalseMatchRepo } from '../lib/store/false-matches';
import { createSettingsRepo } from '../lib/store/settings';
import { createBackgroundService } from '../services/background-service';
import { relayNavigationCommands } from '../services/card-commands';
import { createCardService } from '../services/card-service';
import { createEntityAdmin } from '../services/entity-admin';
import { createKnowledgeBase } from '../services/knowledge-base';
import { createReadingMemory, memoryHandlers } from '../services/reading-memory';

export default defineBackground(() => {
  const db = openDb();
  const repo = createEntityRepo(db);
  const settings = createSettingsRepo(db);
  const falseMatches = createFalseMatchRepo(db);
  const knowledgeBase = createKnowledgeBase(repo);
  const memory = createReadingMemory({ articles: createArticleRepo(db), knowledgeBase });
  const cards = createCardService({ knowledgeBase, repo, falseMatches, memory });
  createBackgroundService(
    { knowledgeBase, repo, settings, falseMatches, memory },
    { ...createEntityAdmin(repo, knowledgeBase, settings), ...memoryHandlers(memory) },
    cards.handlers,
  ).init();
  relayNavigationCommands();
});
