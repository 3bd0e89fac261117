// Results kept by content across rebuilds (watch mode), bounded: the newest `keep` only.
// A failed result is forgotten, so the next build tries again and reports it again.
export class Memo<V> {
  private readonly kept = new Map<string, Promise<V>>();

  constructor(private readonly keep: number) {}

  get(key: string, make: () => Promise<V>): Promise<V> {
    let ready = this.kept.get(key);
    if (!ready) {
      ready = make();
      ready.catch(() => this.kept.delete(key));
      this.kept.set(key, ready);
      for (const old of this.kept.keys()) {
        if (this.kept.size <= this.keep) break;
        this.kept.delete(old);
      }
    }
    return ready;
  }
}
