package dev.oponn.architecture.violations;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

public class StaticCache {
    static final LoadingCache<String, String> VALUES = Caffeine.newBuilder().build(key -> key);
}
