package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTests {

    @Test
    void percentileIsNearestRankSoItIsAlwaysAMeasuredValue() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(Stats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Stats.percentile(sorted, 90)).isEqualTo(90);
        assertThat(Stats.percentile(sorted, 91)).isEqualTo(100);
        assertThat(Stats.percentile(sorted, 99)).isEqualTo(100);
        assertThat(Stats.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Stats.percentile(sorted, 0)).isEqualTo(10);
    }

    @Test
    void p99OfAHundredSamplesIsTheSecondLargestButOneSlowSampleInTwoHundredShowsAtP99_5() {
        long[] hundred = new long[100];
        Arrays.setAll(hundred, i -> i + 1);

        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99);
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void percentileOfNothingIsNaNNotZero() {
        assertThat(Stats.percentile(new long[0], 99)).isNaN();
    }

    @Test
    void medianOfRepetitionsLeavesOutMissingOnes() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of(Double.NaN, 5.0, 7.0))).isEqualTo(6.0);
        assertThat(Stats.median(List.of())).isNaN();
    }

    @Test
    void summaryGivesMinMedianMaxAndKeepsEachRepetition() {
        Map<String, Object> summary = Stats.summary(List.of(30.0, 10.0, 20.0));

        assertThat(summary)
                .containsEntry("min", 10.0)
                .containsEntry("median", 20.0)
                .containsEntry("max", 30.0);
        assertThat(summary.get("reps")).isEqualTo(List.of(30.0, 10.0, 20.0));
    }

    @Test
    void ratioIsNeverMadeUpFromAMissingFigure() {
        assertThat(Stats.ratio(10, 4)).isEqualTo(2.5);
        assertThat(Stats.ratio(Double.NaN, 4)).isNaN();
        assertThat(Stats.ratio(10, 0)).isNaN();
    }

    @Test
    void recorderReportsExactPercentilesAndPerSecondCounts() {
        long start = System.nanoTime() - 2_500_000_000L;
        Recorder recorder = new Recorder(1000, start);
        for (int i = 1; i <= 100; i++) {
            recorder.acknowledged(i * 1_000_000L, start + (i <= 60 ? 500_000_000L : 1_500_000_000L));
        }
        recorder.outcome("status_429");
        recorder.finish();

        assertThat(recorder.acks()).isEqualTo(100);
        assertThat(recorder.percentileMillis(50)).isEqualTo(50.0);
        assertThat(recorder.percentileMillis(99)).isEqualTo(99.0);
        assertThat(recorder.perSecond()).containsExactly(60, 40);
        assertThat(recorder.outcomes()).containsEntry("status_429", 1L);
    }

    @Test
    void throughputOverTimeLeavesOutTheLastPartialSecond() {
        long start = System.nanoTime() - 1_200_000_000L;
        Recorder recorder = new Recorder(10, start);
        recorder.acknowledged(1, start + 1_100_000_000L);
        recorder.finish();

        assertThat(recorder.perSecond()).containsExactly(0);
    }

    @Test
    void histogramBucketsAreLogarithmicTenPerDecade() {
        assertThat(Histogram.bucketOf(0.001)).isZero();
        assertThat(Histogram.bucketOf(1.0)).isEqualTo(20);
        assertThat(Histogram.bucketOf(10.0)).isEqualTo(30);
        assertThat(Histogram.upperEdgeMillis(19)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Histogram.bucketOf(1e9)).isEqualTo(Histogram.BUCKETS - 1);
        long[] counts = Histogram.bucketize(new long[] {500_000, 1_500_000, 1_500_000});
        assertThat(Arrays.stream(counts).sum()).isEqualTo(3);
    }
}
