/**
 * What every page shares: security (CSRF with the first version's names, headers), the page context each
 * template receives, HTMX conventions and the error pages. Features depend on this package, never the reverse.
 *
 * <p>Depends only on {@code platform}; features plug in through {@link dev.oponn.web.FeatureSecurity} and
 * {@link dev.oponn.web.PageNotices} beans, so this package never names one (checked by {@code ModularityTests}).
 */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package dev.oponn.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
