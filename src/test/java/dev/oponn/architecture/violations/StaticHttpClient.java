package dev.oponn.architecture.violations;

import java.net.http.HttpClient;

public class StaticHttpClient {
    static final HttpClient CLIENT = HttpClient.newHttpClient();
}
