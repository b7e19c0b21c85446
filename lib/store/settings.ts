/**
 * The reader's settings that live beside the knowledge base in IndexedDB (so a backup carries
 * them): for now, the topics the reader defines as keyword sets.
 */
import { isUserTopic, type UserTopic } from '../topics';
import type { DramatisDb } from './db';

const CUSTOM_TOPICS = 'topics.custom';

export function createSettingsRepo(dbReady: Promise<DramatisDb>) {
  return {
    /** The reader's topics; a stored value that is not a list of topics reads as none. */
    async customTopics(): Promise<UserTopic[]> {
      const value = (await (await dbReady).meta.get(CUSTOM_TOPICS))?.value;
      return Array.isArray(value) ? value.filter(isUserTopic) : [];
    },

    async saveCustomTopics(topics: readonly UserTopic[]): Promise<void> {
      if (!topics.every(isUserTopic)) throw new Error('A topic needs a name and at least one keyword');
      await (await dbReady).meta.put({ key: CUSTOM_TOPICS, value: [...topics] });
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
