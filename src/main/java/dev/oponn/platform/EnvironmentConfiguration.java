package dev.oponn.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class EnvironmentConfiguration {

    @Bean
    OponnEnvironment oponnEnvironment(Environment settings) {
        return OponnEnvironment.of(settings);
    }
}
