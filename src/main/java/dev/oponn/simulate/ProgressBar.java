package dev.oponn.simulate;

import java.io.PrintStream;

/** A one-line bar redrawn in place ({@code \r}) whenever another percent is done. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private int drawn = -1;
    private int drawnPercent = -1;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    synchronized void update(int done, int cast, int refused, int failed) {
        int percent = (int) (100L * done / total);
        // Devices finish on many threads: a report may arrive after a later one, and is then old news.
        if (done <= drawn || (percent == drawnPercent && done != total)) {
            return;
        }
        drawn = done;
        drawnPercent = percent;
        int filled = (int) ((long) WIDTH * done / total);
        out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format(
                        "%3d%% %d/%d  cast %d  refused %d  failed %d", percent, done, total, cast, refused, failed));
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
