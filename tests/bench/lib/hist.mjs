import * as hdr from 'hdr-histogram-js';

/** Latencies are recorded in microseconds (integers), 1 µs … 10 min, 3 significant digits. */
export function newHistogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
}

export function recordMs(histogram, ms) {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export const encode = (histogram) => hdr.encodeIntoCompressedBase64(histogram);

/** Merges encoded histograms from several generator processes into one. */
export function merge(encodedList) {
  const total = newHistogram();
  for (const encoded of encodedList) if (encoded) total.add(hdr.decodeFromCompressedBase64(encoded));
  return total;
}

/** p50/p90/p99/p99.9/max in milliseconds, and the count. */
export function summary(histogram) {
  const ms = (us) => Math.round(us) / 1000;
  if (!histogram || histogram.totalCount === 0) return { count: 0, p50: null, p90: null, p99: null, p999: null, max: null };
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p99: ms(histogram.getValueAtPercentile(99)),
    p999: ms(histogram.getValueAtPercentile(99.9)),
    max: ms(histogram.maxValue),
  };
}
