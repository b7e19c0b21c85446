/** Edits one entity: name, type, aliases (one per line) and description. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity } from '../lib/entities/types';
import { t } from '../services/i18n';
import { TYPE_NAMES } from './ActorList';

export interface EntityEditorProps {
  entity: Entity;
  onSave(entity: Entity): void;
  onCancel(): void;
}

/** The aliases typed in the editor: one per line, trimmed, blanks and repeats dropped. */
export function parseAliasLines(text: string, name: string): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const alias = line.trim();
    if (!alias || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}

export function EntityEditor({ entity, onSave, onCancel }: EntityEditorProps) {
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState(entity.type);
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [description, setDescription] = useState(entity.description ?? '');
  const first = useRef<HTMLInputElement>(null);

  // The editor opens where the reader asked for it: take focus so the keyboard is there too.
  useEffect(() => first.current?.focus(), []);

  function submit(event: Event) {
    event.preventDefault();
    if (!name.trim()) return;
    onSave({
      ...entity,
      name: name.trim(),
      type,
      aliases: parseAliasLines(aliases, name),
      description: description.trim() || undefined,
    });
  }

  return (
    <form
      class="editor"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}
      aria-label={entity.id ? t('dashboard_editor_edit', entity.name) : t('dashboard_editor_new')}
    >
      <label>
        {t('common_name')}
        <input ref={first} value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('common_type')}
        <select value={type} onChange={(e) => setType(e.currentTarget.value as Entity['type'])}>
          {ENTITY_TYPES.map((option) => (
            <option key={option} value={option}>
              {TYPE_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard_aliases')}
        <textarea rows={5} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
      </label>
      <label>
        {t('dashboard_description')}
        <textarea rows={2} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <div class="buttons">
        <button type="submit" class="primary">
          {t('common_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
