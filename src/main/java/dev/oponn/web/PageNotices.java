package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * A feature's way to show something once on the next page a person sees, without the shared layout knowing the
 * feature. Implementations are beans; {@link #take} both returns the notice and forgets it.
 */
public interface PageNotices {

    Optional<Notice> take(HttpServletRequest request, HttpServletResponse response);
}
