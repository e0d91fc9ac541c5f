package dev.oponn.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedAddresses the reverse proxies (addresses or CIDR ranges, IPv4 or IPv6) whose
 *     {@code X-Forwarded-For} Oponn believes; empty (the default) means the header is ignored, because anyone can
 *     send it
 */
@ConfigurationProperties("oponn.proxy")
record ProxyProperties(@DefaultValue List<String> trustedAddresses) {}
