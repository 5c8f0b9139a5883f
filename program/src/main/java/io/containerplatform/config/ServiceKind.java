package io.containerplatform.config;

import java.util.Map;
import java.util.TreeMap;

/** How a service of {@code container-platform:services} runs. */
public enum ServiceKind {
    /** Tasks on ECS Fargate in the stack's shared cluster. */
    FARGATE,
    /** Containers on an EC2 Auto Scaling group of its own. */
    EC2;

    /** The config values, by name. */
    static final Map<String, ServiceKind> CHOICES = new TreeMap<>(Map.of("fargate", FARGATE, "ec2", EC2));

    /** Its config value. */
    public String configValue() {
        return name().toLowerCase();
    }
}
