package dev.oponn.architecture.violations;

import java.time.Clock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

// Never a bean of the test applications, which scan dev.oponn: the fixture exists only for ArchUnit to read.
@Profile("architecture-fixture")
@Service
public class MutableBeanField {
    private Clock clock;

    MutableBeanField(Clock clock) {
        this.clock = clock;
    }
}
