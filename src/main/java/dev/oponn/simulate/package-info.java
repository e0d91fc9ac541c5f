/**
 * {@code ./oponn simulate}: casts votes on a running Oponn through its public JSON API ({@code /api/v1}), each from
 * a new device, the way a program would. A client of the server, never part of it: it shares no
 * code or state with the application and starts no Spring context.
 */
@NullMarked
package dev.oponn.simulate;

import org.jspecify.annotations.NullMarked;
