import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RenderScheduler } from '../../src/preview/render-scheduler.js';

describe('RenderScheduler', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    /** A render that takes `ms` and records when it started. */
    function renders(ms: number) {
        const starts: number[] = [];
        let running = 0;
        let overlap = false;
        const run = async () => {
            starts.push(Date.now());
            if (running++ > 0) overlap = true;
            await new Promise(r => setTimeout(r, ms));
            running--;
        };
        return { starts, run, overlap: () => overlap };
    }

    test('the first change renders at once, a burst of typing at most once per interval, and once after the last change', async () => {
        const r = renders(20);
        const s = new RenderScheduler(r.run, 150);
        const t0 = Date.now();
        s.request();
        expect(r.starts).toEqual([t0]);
        // Typing: a change every 30 ms for 600 ms.
        for (let i = 0; i < 20; i++) {
            await vi.advanceTimersByTimeAsync(30);
            s.request();
        }
        await vi.advanceTimersByTimeAsync(1000);
        const gaps = r.starts.slice(1).map((t, i) => t - r.starts[i]);
        expect(gaps.every(g => g >= 150)).toBe(true);
        // Throttled, not debounced: the preview kept up while typing…
        expect(r.starts.length).toBeGreaterThanOrEqual(4);
        expect(r.starts.length).toBeLessThanOrEqual(6);
        // …and the last change (at 600 ms) was rendered after it happened.
        expect(r.starts[r.starts.length - 1]).toBeGreaterThanOrEqual(t0 + 600);
        expect(r.overlap()).toBe(false);
        s.dispose();
    });

    test('a slow render is never overlapped; changes during it lead to exactly one more render', async () => {
        const r = renders(500);
        const s = new RenderScheduler(r.run, 100);
        s.request();
        await vi.advanceTimersByTimeAsync(50);
        s.request();
        s.request();
        await vi.advanceTimersByTimeAsync(2000);
        expect(r.starts.length).toBe(2);
        expect(r.starts[1] - r.starts[0]).toBeGreaterThanOrEqual(500);
        expect(r.overlap()).toBe(false);
        s.dispose();
    });

    test('a failing render does not stop later ones; nothing runs after dispose', async () => {
        let calls = 0;
        const s = new RenderScheduler(async () => {
            calls++;
            throw new Error('boom');
        }, 10);
        s.request();
        await vi.advanceTimersByTimeAsync(20);
        s.request();
        await vi.advanceTimersByTimeAsync(5);
        expect(calls).toBe(2);
        // A change within the interval waits for a timer; dispose cancels it, and later changes are ignored.
        s.request();
        s.dispose();
        s.request();
        await vi.advanceTimersByTimeAsync(100);
        expect(calls).toBe(2);
    });
});
