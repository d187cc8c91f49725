/** The state of one text being edited in place: the draft (null when not editing), saving, the server's error. */
import { useState } from 'react';

export function useTextEdit(save: (path: string, value: string) => Promise<void>, path: string) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const commit = async () => {
    if (text === null) return;
    setSaving(true);
    try {
      await save(path, text);
      setText(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return { text, setText, error, saving, save: commit };
}
