package io.containerplatform.components.network;

/** How many NAT gateways give the private subnets their route to the internet. */
public enum NatGatewayMode {
    /** No NAT gateway: private subnets have no route to the internet (use VPC endpoints). */
    NONE("none"),
    /** One NAT gateway in the first AZ shared by every private subnet: cheap, not zone-redundant. */
    SINGLE("single"),
    /** One NAT gateway per AZ: each private subnet egresses in its own zone (production). */
    PER_AZ("perAz");

    private final String configValue;

    NatGatewayMode(String configValue) {
        this.configValue = configValue;
    }

    /** The spelling used in stack config ({@code none}, {@code single}, {@code perAz}). */
    public String configValue() {
        return configValue;
    }

    /** How many NAT gateways this mode creates for {@code azCount} zones. */
    public int gatewayCount(int azCount) {
        return switch (this) {
            case NONE -> 0;
            case SINGLE -> 1;
            case PER_AZ -> azCount;
        };
    }

    /** Index of the NAT gateway the private subnet of zone {@code az} routes through; -1 when there is none. */
    public int gatewayFor(int az) {
        return switch (this) {
            case NONE -> -1;
            case SINGLE -> 0;
            case PER_AZ -> az;
        };
    }
}
