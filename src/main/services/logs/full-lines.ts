/**
 * Full texts of lines that reached the renderer cut (a 1 MB JSON blob, a
 * stack trace of a thousand frames), kept in main for "show all" within a
 * byte budget, oldest first out. Shared by every tail and history page.
 */
export class FullLines {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = 32 * 1024 * 1024) {}

  keep(key: string, text: string): void {
    if (text.length > this.maxChars) return;
    const old = this.texts.get(key);
    if (old !== undefined) {
      this.texts.delete(key);
      this.chars -= old.length;
    }
    this.texts.set(key, text);
    this.chars += text.length;
    for (const [k, v] of this.texts) {
      if (this.chars <= this.maxChars) break;
      this.texts.delete(k);
      this.chars -= v.length;
    }
  }

  get(key: string): string | undefined {
    return this.texts.get(key);
  }
}
