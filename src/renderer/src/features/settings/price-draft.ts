/** The price overrides form as data: one text field per price entry, empty meaning "the file's price". */
export type Draft = Record<string, string>;

/** The overrides to save, or the id of the first field that is not a price. */
export function overridesFrom(draft: Draft): { overrides: Record<string, number> } | { invalid: string } {
  const overrides: Record<string, number> = {};
  for (const [id, text] of Object.entries(draft)) {
    if (text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) return { invalid: id };
    overrides[id] = value;
  }
  return { overrides };
}
