package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.oponn.ballot.BallotId;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mailbox of one, against an output whose readiness the test controls as a slow socket would. */
class ViewerTests {

    private final FakeOutput out = new FakeOutput();
    private final AsyncContext async = mock(AsyncContext.class);
    private final List<Viewer.Exit> exits = new ArrayList<>();
    private final List<Long> sent = new ArrayList<>();
    private Viewer viewer;

    @BeforeEach
    void connect() {
        StreamAdmission admission = new StreamAdmission(StreamAdmissionTests.properties(10, 10));
        StreamAdmission.Ticket ticket = ((StreamAdmission.Admitted) admission.admit("10.0.0.1")).ticket();
        viewer = new Viewer(
                new BallotId("AAAAAAAAAAAAAAAAAAAAAA"),
                async,
                out,
                ticket,
                new Viewer.Owner() {
                    @Override
                    public void sent(Frame frame) {
                        sent.add(frame.version());
                    }

                    @Override
                    public void gone(Viewer gone, Viewer.Exit exit) {
                        exits.add(exit);
                    }
                },
                0,
                HangUpWatch.inert(),
                Audience.ANYONE,
                false,
                "en");
    }

    @Test
    void writesTheFirstFrameOnceTheContainerSaysItCan() throws Exception {
        viewer.begin(update(1), Frame.NO_VERSION);
        assertThat(out.text()).isEmpty();

        out.listener().onWritePossible();

        assertThat(out.text()).contains("id: 1");
        assertThat(out.flushes).isEqualTo(1);
    }

    @Test
    void whileTheSocketIsFullOnlyTheNewestFrameWaitsAndItIsWrittenWhenItDrains() throws Exception {
        start(update(1));
        out.ready = false;

        viewer.offer(update(2));
        viewer.offer(update(3));
        viewer.offer(update(4));
        out.ready = true;
        out.listener().onWritePossible();

        assertThat(sent).containsExactly(1L, 4L);
        assertThat(out.text()).doesNotContain("id: 2").doesNotContain("id: 3");
    }

    @Test
    void aHiddenPanelReplacesAnyVersionAndTheNextVisibleTallyIsTakenWhateverItsVersion() throws Exception {
        start(update(5));

        viewer.offer(Frame.hidden("<p>results are hidden until the ballot closes</p>", "{}"));
        viewer.offer(Frame.hidden("<p>results are hidden until the ballot closes</p>", "{}"));
        assertThat(out.text()).containsOnlyOnce("id: hidden");

        viewer.offer(update(5));
        assertThat(out.text()).endsWith("id: 5\ndata: <p>5</p>\n\n");
    }

    @Test
    void neverSendsAnOlderOrEqualVersion() {
        start(update(5));

        viewer.offer(update(3));
        viewer.offer(update(5));
        viewer.offer(update(6));

        assertThat(sent).containsExactly(5L, 6L);
    }

    @Test
    void theSameVersionRestatedWithANewPanelIsSentOnce() {
        start(Frame.update(5, "<p>starts in 1 minute</p>", "{}", 0));

        viewer.offer(Frame.update(5, "<p>voting open</p>", "{}", 0));
        viewer.offer(Frame.update(5, "<p>voting open</p>", "{}", 0));

        assertThat(sent).containsExactly(5L, 5L);
        assertThat(out.text()).endsWith("data: <p>voting open</p>\n\n");
    }

    @Test
    void aLastEventIdEqualToTheCurrentVersionSendsNothingAtConnect() throws Exception {
        viewer.begin(update(7), 7);
        out.listener().onWritePossible();

        assertThat(sent).isEmpty();
        viewer.offer(update(8));
        assertThat(sent).containsExactly(8L);
    }

    @Test
    void reportsAStallOnlyWhileTheSocketRefusesBytes() throws Exception {
        start(update(1));
        long timeout = Duration.ofSeconds(2).toNanos();
        out.ready = false;
        viewer.offer(update(2));
        long stalledAt = System.nanoTime();

        assertThat(viewer.stalledLongerThan(stalledAt + timeout / 2, timeout)).isFalse();
        assertThat(viewer.stalledLongerThan(stalledAt + 2 * timeout, timeout)).isTrue();
        out.ready = true;
        out.listener().onWritePossible();
        assertThat(viewer.stalledLongerThan(System.nanoTime() + 2 * timeout, timeout))
                .isFalse();
    }

    @Test
    void finishingWritesWhatWaitsThenTheClosingFrameThenCompletes() throws Exception {
        start(update(1));
        out.ready = false;
        viewer.offer(update(2));

        viewer.finish(Frame.retry(3000));
        viewer.offer(update(3));
        out.ready = true;
        out.listener().onWritePossible();

        assertThat(out.text()).contains("id: 2").endsWith("retry: 3000\n\n").doesNotContain("id: 3");
        verify(async).complete();
        assertThat(exits).containsExactly(Viewer.Exit.FINISHED);
    }

    @Test
    void aFailedWriteEndsTheViewerOnce() throws Exception {
        start(update(1));
        out.failing = true;

        viewer.offer(update(2));
        viewer.drop(Viewer.Exit.STALLED);

        assertThat(exits).containsExactly(Viewer.Exit.DISCONNECTED);
    }

    @Test
    void heartbeatsOnlyAQuietStream() {
        start(update(1));
        long interval = Duration.ofSeconds(15).toNanos();
        Frame heartbeat = Frame.heartbeat();

        viewer.heartbeatIfQuiet(heartbeat, System.nanoTime(), interval);
        assertThat(out.text()).doesNotContain(": heartbeat");
        viewer.heartbeatIfQuiet(heartbeat, System.nanoTime() + interval, interval);

        assertThat(out.text()).endsWith(": heartbeat\n\n");
    }

    private void start(Frame first) {
        viewer.begin(first, Frame.NO_VERSION);
        try {
            out.listener().onWritePossible();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Frame update(long version) {
        return Frame.update(version, "<p>" + version + "</p>", "{}", 0);
    }

    /** A servlet output in non-blocking mode whose socket is full whenever {@code ready} is false. */
    private static final class FakeOutput extends ServletOutputStream {

        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        boolean failing;
        int flushes;
        private @Nullable WriteListener listener;

        WriteListener listener() {
            assertThat(listener).as("write listener set").isNotNull();
            return listener;
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            this.listener = writeListener;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            if (!ready) {
                throw new IllegalStateException("not ready for writing");
            }
            written.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            flushes++;
        }
    }
}
