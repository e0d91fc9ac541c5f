package dev.oponn.share;

import io.nayuki.qrcodegen.QrCode;
import org.springframework.stereotype.Component;

/**
 * Draws a QR code as SVG: every dark module one unit square of a single {@code <path>}, inside the four-module
 * quiet zone the standard asks for, with {@code shape-rendering="crispEdges"} so that scaling never blurs modules
 * together. Error correction {@code MEDIUM}: a projected code survives glare and a phone held at an angle.
 */
@Component
class QrCodes {

    static final int QUIET_ZONE = 4;

    String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + QUIET_ZONE * 2;
        StringBuilder path = new StringBuilder(qr.size * qr.size * 4);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(',')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" \
                shape-rendering="crispEdges" role="img" aria-label="QR code of the vote link">
                <rect width="100%%" height="100%%" fill="#ffffff"/>
                <path d="%s" fill="#000000"/>
                </svg>
                """.formatted(size, size, size * 8, size * 8, path);
    }
}
