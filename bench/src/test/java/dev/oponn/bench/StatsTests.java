package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTests {

    @Test
    void percentileIsNearestRankWithinHdrHistogramsPrecision() {
        Recorder recorder = new Recorder();
        for (long ms = 10; ms <= 100; ms += 10) {
            recorder.sample(ms * 1_000_000L);
        }

        assertThat(recorder.percentileMillis(50)).isCloseTo(50, within(0.05));
        assertThat(recorder.percentileMillis(90)).isCloseTo(90, within(0.09));
        assertThat(recorder.percentileMillis(91)).isCloseTo(100, within(0.1));
        assertThat(recorder.percentileMillis(100)).isCloseTo(100, within(0.1));
    }

    @Test
    void oneSlowRequestInAHundredIsNotTheP99ButIsTheMax() {
        Recorder recorder = new Recorder();
        for (int i = 1; i <= 99; i++) {
            recorder.sample(2_000_000L);
        }
        recorder.sample(5_000_000_000L);

        assertThat(recorder.percentileMillis(99)).isCloseTo(2, within(0.01));
        assertThat(recorder.percentileMillis(100)).isCloseTo(5_000, within(5.0));
    }

    @Test
    void percentileOfNothingIsNaNNotZero() {
        assertThat(new Recorder().percentileMillis(99)).isNaN();
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
    void recorderReportsPercentilesAndPerSecondCounts() {
        long start = System.nanoTime() - 2_500_000_000L;
        Recorder recorder = new Recorder(start);
        for (int i = 1; i <= 100; i++) {
            recorder.acknowledged(i * 1_000_000L, start + (i <= 60 ? 500_000_000L : 1_500_000_000L));
        }
        recorder.outcome("status_429");
        recorder.finish();

        assertThat(recorder.acks()).isEqualTo(100);
        assertThat(recorder.percentileMillis(50)).isCloseTo(50.0, within(0.05));
        assertThat(recorder.percentileMillis(99)).isCloseTo(99.0, within(0.1));
        assertThat(recorder.perSecond()).containsExactly(60, 40);
        assertThat(recorder.outcomes()).containsEntry("status_429", 1L);
    }

    @Test
    void throughputOverTimeLeavesOutTheLastPartialSecond() {
        long start = System.nanoTime() - 1_200_000_000L;
        Recorder recorder = new Recorder(start);
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
        Recorder recorder = new Recorder();
        recorder.sample(500_000);
        recorder.sample(1_500_000);
        recorder.sample(1_500_000);
        long[] counts = Histogram.bucketize(recorder.latencies());
        assertThat(Arrays.stream(counts).sum()).isEqualTo(3);
        assertThat(counts[Histogram.bucketOf(0.5)]).isEqualTo(1);
        assertThat(counts[Histogram.bucketOf(1.5)]).isEqualTo(2);
    }
}
