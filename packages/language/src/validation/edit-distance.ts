/** Lower case, without diacritics: "enhetschefHemtjänst" and "enhetschefhemtjanst" are the same word. */
export function foldName(name: string): string {
    return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), on folded names.
 * Stops early once every path exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
    const s = foldName(a), t = foldName(b);
    if (s === t) return 0;
    if (Math.abs(s.length - t.length) > limit) return limit + 1;
    let prev2: number[] = [];
    let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const cur = [i];
        let rowMin = i;
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
            cur.push(d);
            if (d < rowMin) rowMin = d;
        }
        if (rowMin > limit) return limit + 1;
        prev2 = prev;
        prev = cur;
    }
    return prev[t.length];
}

/**
 * The candidate closest to `written`, if it is close enough to be a typo: a differing case or
 * diacritic, or at most a third of the letters wrong (at least one).
 */
export function closestName(written: string, candidates: Iterable<string>): string | undefined {
    const limit = Math.max(1, Math.floor(written.length / 3));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        if (candidate === written) continue;
        const d = editDistance(written, candidate, limit);
        // Prefix matches ("enhetschef" for "enhetschefer") rank with their distance too.
        if (d < bestDistance || (d === bestDistance && best !== undefined && candidate.length < best.length)) {
            best = candidate;
            bestDistance = d;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
