// Bounded concurrency for the link checker: at most `total` requests in flight, and at
// most `perHost` to any one host, so a brief citing forty UN pages does not hammer one
// server (and is not refused by it for doing so).
export class Limiter {
  private inFlight = 0;
  private readonly byHost = new Map<string, number>();
  private readonly waiting: Array<{ host: string; go: () => void }> = [];

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  /** Runs `task` once a slot for `host` is free. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((go) => {
      this.waiting.push({ host, go });
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.inFlight--;
      this.byHost.set(host, (this.byHost.get(host) ?? 1) - 1);
      this.pump();
    }
  }

  private pump(): void {
    // First come, first served, skipping hosts that are at their limit.
    for (let i = 0; i < this.waiting.length && this.inFlight < this.total; ) {
      const next = this.waiting[i]!;
      if ((this.byHost.get(next.host) ?? 0) >= this.perHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.inFlight++;
      this.byHost.set(next.host, (this.byHost.get(next.host) ?? 0) + 1);
      next.go();
    }
  }
}
