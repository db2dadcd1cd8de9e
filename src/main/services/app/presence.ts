/**
 * Whether anyone is looking at the console. Each connection (a window, a
 * browser tab) reports its own visibility; polling AWS pauses only when no
 * connection is visible, so one hidden tab never pauses another's fleet.
 * Until the first report (nobody has connected yet) the console counts as
 * watched, so the first poll after start is never held back.
 */
export class Presence {
  private readonly visible = new Map<string, boolean>();
  private reported = false;
  private last: boolean | undefined;

  constructor(private readonly onChange: (anyoneWatching: boolean) => void) {}

  report(connection: string, visible: boolean): boolean {
    this.reported = true;
    this.visible.set(connection, visible);
    return this.update();
  }

  /** The connection went away (window closed, tab dropped). */
  forget(connection: string): void {
    if (this.visible.delete(connection)) this.update();
  }

  anyoneWatching(): boolean {
    return !this.reported || [...this.visible.values()].some(Boolean);
  }

  private update(): boolean {
    const now = this.anyoneWatching();
    if (now !== this.last) {
      this.last = now;
      this.onChange(now);
    }
    return now;
  }
}
