package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.oponn.ballot.BallotId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Coalescing as pure logic: the clock is passed in, so every decision is exact. */
class BallotFeedTests {

    private static final long INTERVAL = Duration.ofMillis(200).toNanos();
    private static final BallotId BALLOT = new BallotId("AAAAAAAAAAAAAAAAAAAAAA");

    private final BallotFeed feed = new BallotFeed(BALLOT, INTERVAL, 0);

    @Test
    void firstChangeRendersAtOnceAndABurstSchedulesNothingMore() {
        feed.join(mock(Viewer.class));

        assertThat(feed.changed(1_000, 0)).isZero();
        assertThat(feed.changed(1_001, 1)).isEqualTo(-1);
        assertThat(feed.changed(1_002, 2)).isEqualTo(-1);
    }

    @Test
    void aChangeDuringARenderIsRenderedOneIntervalLater() {
        feed.join(mock(Viewer.class));
        feed.changed(1_000, 0);
        feed.startRender(10);

        feed.changed(1_050, 20);

        assertThat(feed.finishRender()).isEqualTo(INTERVAL);
        assertThat(feed.startRender(INTERVAL + 10))
                .as("the next render carries the commit it owes")
                .isEqualTo(1_050);
        assertThat(feed.finishRender()).isEqualTo(-1);
    }

    @Test
    void aChangeSoonAfterARenderWaitsForTheRestOfTheInterval() {
        feed.join(mock(Viewer.class));
        feed.changed(1_000, 0);
        feed.startRender(0);
        feed.finishRender();

        assertThat(feed.changed(1_100, 50)).isEqualTo(INTERVAL - 50);
    }

    @Test
    void aRenderCarriesTheOldestCommitOfItsBurst() {
        feed.join(mock(Viewer.class));
        feed.changed(1_200, 0);
        feed.changed(1_100, 1);
        feed.changed(0, 2);

        assertThat(feed.startRender(3)).isEqualTo(1_100);
    }

    @Test
    void aFailedRenderOwesItsChangesAgain() {
        feed.join(mock(Viewer.class));
        feed.changed(1_000, 0);
        long carried = feed.startRender(0);

        feed.renderFailed(carried);

        assertThat(feed.finishRender()).isEqualTo(INTERVAL);
        assertThat(feed.startRender(INTERVAL)).isEqualTo(1_000);
    }

    @Test
    void changesNobodyWatchesScheduleNothingAndForgetTheCachedFrame() {
        feed.remember(Frame.update(3, "<p>3</p>", "{}", 0), false);

        assertThat(feed.changed(1_000, 0)).isEqualTo(-1);
        assertThat(feed.join(mock(Viewer.class)).latest()).isNull();
    }

    @Test
    void aRenderNobodyWaitsForAnyMoreIsDroppedAndTheNextChangeSchedulesAgain() {
        Viewer viewer = mock(Viewer.class);
        feed.join(viewer);
        feed.changed(1_000, 0);
        feed.leave(viewer, 1);
        feed.changed(1_001, 2);

        assertThat(feed.abandonIfUnwatched()).isTrue();
        assertThat(feed.idleLongerThan(10 * INTERVAL, INTERVAL)).isTrue();
        feed.join(viewer);
        assertThat(feed.changed(1_002, 10 * INTERVAL)).as("scheduled afresh").isZero();
        assertThat(feed.abandonIfUnwatched()).isFalse();
    }

    @Test
    void publishesOnlyVersionsNewerThanWhatWasPushed() {
        assertThat(feed.publish(Frame.update(2, "<p>2</p>", "{}", 0), false)).isTrue();
        assertThat(feed.publish(Frame.update(2, "<p>2</p>", "{}", 0), false)).isFalse();
        assertThat(feed.publish(Frame.update(1, "<p>1</p>", "{}", 0), false)).isFalse();
        assertThat(feed.publish(Frame.update(3, "<p>3</p>", "{}", 0), false)).isTrue();
    }

    @Test
    void aFrameAViewerReadForItselfIsCachedButStillPushedToTheOthers() {
        feed.remember(Frame.update(5, "<p>5</p>", "{}", 0), false);

        assertThat(feed.join(mock(Viewer.class)).latest().version()).isEqualTo(5);
        assertThat(feed.publish(Frame.update(5, "<p>5</p>", "{}", 0), false)).isTrue();
    }

    @Test
    void aBallotOpeningRestatesTheSameVersionOnceWhenThePanelShowedItPending() {
        feed.join(mock(Viewer.class));
        assertThat(feed.publish(Frame.update(0, "<p>starts in 1 minute</p>", "{}", 0), true))
                .isTrue();

        assertThat(feed.opened(INTERVAL)).as("a render is scheduled at once").isZero();
        feed.startRender(INTERVAL);
        assertThat(feed.publish(Frame.update(0, "<p>voting open</p>", "{}", 0), false))
                .as("same version, pushed because it restates the panel")
                .isTrue();
        assertThat(feed.finishRender()).isEqualTo(-1);

        assertThat(feed.opened(3 * INTERVAL)).as("already shown open").isEqualTo(-1);
        assertThat(feed.publish(Frame.update(0, "<p>voting open</p>", "{}", 0), false))
                .isFalse();
        assertThat(feed.join(mock(Viewer.class)).latest().bytes()).asString().contains("voting open");
    }

    @Test
    void aNewerTallyPushedAfterTheOpeningSettlesTheRestatement() {
        feed.join(mock(Viewer.class));
        feed.publish(Frame.update(0, "<p>starts in 1 minute</p>", "{}", 0), true);
        feed.opened(INTERVAL);

        assertThat(feed.publish(Frame.update(1, "<p>voting open, 1 vote</p>", "{}", 0), false))
                .isTrue();
        assertThat(feed.publish(Frame.update(1, "<p>voting open, 1 vote</p>", "{}", 0), false))
                .as("the same version again is not a restatement")
                .isFalse();
    }

    @Test
    void aPanelRenderedAfterTheOpeningNeedsNoRestatement() {
        feed.join(mock(Viewer.class));
        feed.publish(Frame.update(4, "<p>voting open</p>", "{}", 0), false);

        assertThat(feed.opened(0)).isEqualTo(-1);
    }

    @Test
    void anEndingFeedStopsRenderingAndHandsItsFinalFrameToLateJoiners() {
        Viewer early = mock(Viewer.class);
        feed.join(early);
        long token = feed.beginEnding();
        assertThat(token).isNotNegative();
        assertThat(feed.beginEnding()).isEqualTo(-1);
        assertThat(feed.changed(1_000, 0)).isEqualTo(-1);

        Frame last = Frame.finalUpdate(7, "<p>7</p>", "{}");
        assertThat(feed.ended(last, token)).containsExactly(early);
        assertThat(feed.join(mock(Viewer.class)).finalFrame()).isSameAs(last);
    }

    @Test
    void aReopenedFeedRendersAgainAndForgetsItsFinalFrame() {
        feed.join(mock(Viewer.class));
        long token = feed.beginEnding();
        feed.ended(Frame.finalUpdate(7, "<p>7</p>", "{}"), token);

        assertThat(feed.reopened(10 * INTERVAL)).as("a render is scheduled").isNotNegative();

        assertThat(feed.hasEnded()).isFalse();
        assertThat(feed.join(mock(Viewer.class)).finalFrame()).isNull();
        assertThat(feed.beginEnding()).as("it can end again").isNotNegative();
    }

    @Test
    void aFinalTallyReadWhileTheBallotWasReopenedIsNotSent() {
        feed.join(mock(Viewer.class));
        long token = feed.beginEnding();

        feed.reopened(10 * INTERVAL);

        assertThat(feed.ended(Frame.finalUpdate(7, "<p>7</p>", "{}"), token)).isEmpty();
        assertThat(feed.hasEnded()).isFalse();
    }

    @Test
    void isReapableOnlyAfterStayingEmptyForTheRetention() {
        Viewer viewer = mock(Viewer.class);
        feed.join(viewer);
        assertThat(feed.idleLongerThan(10 * INTERVAL, INTERVAL)).isFalse();

        feed.leave(viewer, 10 * INTERVAL);

        assertThat(feed.idleLongerThan(10 * INTERVAL + INTERVAL / 2, INTERVAL)).isFalse();
        assertThat(feed.idleLongerThan(12 * INTERVAL, INTERVAL)).isTrue();
    }
}
