package dev.oponn.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns {@code OPONN_ENV} into the Spring profile of the same name. It runs before the configuration files are
 * read, so {@code application-<env>.properties} is loaded and logging (configured next) sees the profile.
 */
final class EnvironmentProfile implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String profile = OponnEnvironment.of(environment).profile();
        if (!environment.matchesProfiles(profile)) {
            environment.addActiveProfile(profile);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
