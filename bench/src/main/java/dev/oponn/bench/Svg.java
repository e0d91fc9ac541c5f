package dev.oponn.bench;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG line charts for the HTML report, drawn by hand so the report opens anywhere with no script, font or
 * stylesheet from outside.
 */
final class Svg {

    static final String[] COLOURS = {"#88c0d0", "#b48ead", "#a3be8c", "#ebcb8b", "#bf616a", "#81a1c1", "#d08770"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;

    private Svg() {}

    record Series(String name, double[] ys) {}

    /** Axis labels under chosen x positions (index into the series). */
    record Tick(double x, String label) {}

    static String lineChart(String title, String xLabel, String yLabel, List<Series> series, List<Tick> xTicks) {
        int points = series.stream().mapToInt(s -> s.ys().length).max().orElse(0);
        double yMax = series.stream()
                .flatMapToDouble(s -> java.util.Arrays.stream(s.ys()))
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(1);
        yMax = niceCeiling(yMax <= 0 ? 1 : yMax);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double xScale = points <= 1 ? 0 : plotW / (points - 1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
                WIDTH,
                HEIGHT + 18 * ((series.size() + 2) / 3),
                WIDTH,
                HEIGHT + 18 * ((series.size() + 2) / 3)));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        svg.append(text(WIDTH / 2.0, 18, title, "middle", 14));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#4c566a\" stroke-width=\"0.5\"/>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            svg.append(text(LEFT - 6, y + 4, format(yMax * i / 4), "end", 11));
        }
        for (Tick tick : xTicks) {
            double x = LEFT + tick.x() * xScale;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#4c566a\" stroke-width=\"0.5\"/>",
                    x,
                    TOP,
                    x,
                    TOP + plotH));
            svg.append(text(x, TOP + plotH + 16, tick.label(), "middle", 11));
        }
        svg.append(text(LEFT + plotW / 2, HEIGHT - 8, xLabel, "middle", 12));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#d8dee9\">%s</text>",
                TOP + plotH / 2,
                TOP + plotH / 2,
                Html.escape(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < one.ys().length; i++) {
                double v = one.ys()[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                double x = LEFT + i * xScale;
                double y = TOP + plotH - plotH * Math.min(1, v / yMax);
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            if (!path.isEmpty()) {
                svg.append("<path d=\"")
                        .append(path)
                        .append("\" fill=\"none\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"1.8\"/>");
            }
            double lx = LEFT + (s % 3) * (plotW / 3);
            double ly = HEIGHT + 4 + 18 * (s / 3);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"4\" fill=\"%s\"/>",
                    lx,
                    ly - 4,
                    colour));
            svg.append(text(lx + 18, ly, one.name(), "start", 11));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"#d8dee9\">%s</text>",
                x,
                y,
                anchor,
                size,
                Html.escape(content));
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (v <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double v) {
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1000);
        }
        if (v >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
