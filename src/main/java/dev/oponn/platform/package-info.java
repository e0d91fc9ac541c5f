/**
 * Shared infrastructure: the data directory, the database (embedded or external), the server secret and
 * the clock. Nothing here is created at class-load time; every resource is a bean closed with its context,
 * so a test can start as many isolated applications as it likes.
 *
 * <p>Depends on no other module: everything else builds on it (checked by {@code ModularityTests}).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.oponn.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
