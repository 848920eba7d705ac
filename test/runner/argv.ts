// Watches every process's argv while a step runs (from /proc), to prove that no value
// was ever passed on a command line.
import { readdirSync, readFileSync } from 'node:fs';

export class ArgvWatcher {
  readonly seen = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  start(intervalMs = 2): void {
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.sample();
  }

  sample(): void {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        this.seen.add(readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' '));
      } catch {
        // gone already
      }
    }
  }

  /** Command lines that held `value` (as UTF-8 bytes read back as latin1). */
  holding(value: string): string[] {
    const needle = Buffer.from(value, 'utf8').toString('latin1');
    return [...this.seen].filter((cmd) => cmd.includes(needle));
  }
}
