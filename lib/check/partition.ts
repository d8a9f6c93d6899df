/**
 * Rearranges `values` in place so that, for every rank r in `ranks`, values[r] is the value a full ascending sort
 * would put there, with smaller-or-equal values before it and greater-or-equal ones after (quickselect on the ranges
 * that hold a wanted rank). Expected O(n·log(#ranks)) instead of a sort's O(n·log n): the quantiles of a
 * layer's 5 000 activations cost a tenth of sorting them. As numpy.partition(a, kth) with several kth.
 *
 *   after partitionAt(v, [k]):  v[i] ≤ v[k] for i < k,  v[i] ≥ v[k] for i > k
 *
 * NOTE: values must hold no NaN (it compares false both ways and would stall the scans); −0 and +0 count as equal.
 * @example
 *   const v = Float64Array.from([5, 1, 4, 2, 3]);
 *   partitionAt(v, [0, 2]);   // v[0] === 1, v[2] === 3
 */
export function partitionAt(values: Float64Array, ranks: readonly number[]): Float64Array {
  const wanted = Int32Array.from(new Set(ranks.filter((r) => r >= 0 && r < values.length))).sort();
  select(values, 0, values.length - 1, wanted, 0, wanted.length);
  return values;
}

/** Places ranks wanted[klo … khi) (ascending, all inside [lo, hi]) of a[lo … hi]. */
function select(a: Float64Array, lo: number, hi: number, wanted: Int32Array, klo: number, khi: number): void {
  while (klo < khi) {
    if (hi - lo < 16) {
      // A short range is sorted outright (insertion sort).
      for (let i = lo + 1; i <= hi; i++) {
        const v = a[i];
        let j = i - 1;
        while (j >= lo && a[j] > v) a[j + 1] = a[j--];
        a[j + 1] = v;
      }
      return;
    }
    const x = a[lo],
      y = a[(lo + hi) >> 1],
      z = a[hi];
    // Median of three as the pivot, so sorted or constant input does not degrade to quadratic time.
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo,
      j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    // Now a[lo … j] ≤ pivot, a[i … hi] ≥ pivot, and every position between holds the pivot: a rank there is placed.
    let left = klo;
    while (left < khi && wanted[left] <= j) left++;
    let right = left;
    while (right < khi && wanted[right] < i) right++;
    if (left > klo && right < khi) select(a, i, hi, wanted, right, khi);
    if (left > klo) {
      khi = left;
      hi = j;
    } else {
      klo = right;
      lo = i;
    }
  }
}
