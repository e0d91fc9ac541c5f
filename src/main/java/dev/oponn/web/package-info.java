/**
 * What every page shares: security (CSRF with the first version's names, headers), the page context each
 * template receives, HTMX conventions and the error pages. Features depend on this package, never the reverse.
 */
@NullMarked
package dev.oponn.web;

import org.jspecify.annotations.NullMarked;
