package dev.oponn.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled the double-submit CSRF check on every state-changing request; only a load test that drives the
 *     server without reading pages has a reason to switch it off, and staging and production refuse to start
 *     without it
 */
@ConfigurationProperties("oponn.csrf")
record CsrfProperties(@DefaultValue("true") boolean enabled) {}
