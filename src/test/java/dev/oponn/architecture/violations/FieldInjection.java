package dev.oponn.architecture.violations;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;

public class FieldInjection {
    @Autowired
    private Clock clock;
}
