/**
 * Sharing a ballot: {@code GET /ballots/{id}/qr.svg}, a QR code of the absolute vote link drawn here (Nayuki's
 * qrcodegen computes the modules, this package writes them as one SVG path; no CDN, no script), and
 * {@code GET /present/{id}}, the presenter view for a projector: the question, the live results or the hidden
 * notice, the QR code and the short link.
 *
 * <p>No tables, and nothing public but the templates' {@code share.internal} view. It asks results whether the
 * requester may see the counts, exactly as the results page does.
 */
@NullMarked
package dev.oponn.share;

import org.jspecify.annotations.NullMarked;
