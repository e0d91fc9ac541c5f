package dev.oponn.api;

import dev.oponn.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;

/** Absolute links for one request, built on Oponn's public origin ({@link PublicUrls}). */
record ApiLinks(PublicUrls urls, HttpServletRequest request) {

    String absolute(String path) {
        return urls.absolute(path, request);
    }
}
