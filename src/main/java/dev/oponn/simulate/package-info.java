/**
 * {@code ./oponn simulate}: casts votes on a running Oponn through plain HTTP, each from a new device (its own
 * cookies, its own CSRF token), the way browsers would. A client of the server, never part of it: it shares no
 * code or state with the application and starts no Spring context.
 */
@NullMarked
package dev.oponn.simulate;

import org.jspecify.annotations.NullMarked;
