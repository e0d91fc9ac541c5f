package dev.oponn.web;

import org.jspecify.annotations.Nullable;

/**
 * A message the layout shows once above a page's content.
 *
 * @param kind a short name for styling and tests ({@code data-notice})
 * @param link shown as a link and as copyable text; absent for a plain message
 */
public record Notice(
        String kind, Text title, Text text, @Nullable String link) {}
