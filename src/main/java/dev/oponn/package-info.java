/**
 * Oponn: real-time, privacy-first voting. Each subpackage is one feature; {@code platform} holds the
 * resources every feature shares (database, clock, secrets), each one a bean with a lifecycle.
 */
@NullMarked
package dev.oponn;

import org.jspecify.annotations.NullMarked;
