package dev.oponn.architecture.violations;

import java.time.Clock;
import org.springframework.stereotype.Service;

@Service
public class MutableBeanField {
    private Clock clock;

    MutableBeanField(Clock clock) {
        this.clock = clock;
    }
}
