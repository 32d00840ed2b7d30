/**
 * When the preview renders while the user types: the first change at once, then at most one render
 * per interval, always one more after the last change, and never two at the same time (a render that
 * would start while one runs waits for it, so answers cannot overtake each other).
 */
export class RenderScheduler {
    private running = false;
    private pending = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private lastStart = -Infinity;
    private disposed = false;

    constructor(
        private readonly run: () => Promise<void>,
        private interval: number,
        private readonly now: () => number = () => Date.now()
    ) {}

    setInterval(ms: number): void {
        this.interval = Math.max(0, ms);
    }

    /** Something changed: render now if allowed, else as soon as allowed. */
    request(): void {
        if (this.disposed) return;
        this.pending = true;
        this.pump();
    }

    private pump(): void {
        if (!this.pending || this.running || this.timer || this.disposed) return;
        const wait = this.lastStart + this.interval - this.now();
        if (wait > 0) {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                this.pump();
            }, wait);
            return;
        }
        this.pending = false;
        this.running = true;
        this.lastStart = this.now();
        this.run().catch(() => undefined).finally(() => {
            this.running = false;
            this.pump();
        });
    }

    dispose(): void {
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
    }
}
