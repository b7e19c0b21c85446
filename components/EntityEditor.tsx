/** Edits one entity: name, type, aliases (one per line) and description. */
import { useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity } from '../lib/entities/types';
import { TYPE_LABELS } from './ActorList';

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
    <form class="editor" onSubmit={submit} aria-label={`Edit ${entity.name}`}>
      <label>
        Name
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Type
        <select value={type} onChange={(e) => setType(e.currentTarget.value as Entity['type'])}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Aliases, one per line
        <textarea rows={5} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
      </label>
      <label>
        Description
        <textarea rows={2} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <div class="buttons">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
