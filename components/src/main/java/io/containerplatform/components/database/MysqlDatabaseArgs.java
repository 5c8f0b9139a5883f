package io.containerplatform.components.database;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.network.Placement;

import java.util.List;

/**
 * Arguments of {@link MysqlDatabase}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class MysqlDatabaseArgs extends DeclaredArgs {

    @Import(name = "placement", required = true)
    @InputSpec("Where the database goes: the VPC of its security group (NetworkComponent.placement())")
    private Placement placement;

    @Import(name = "subnetIds", required = true)
    @InputSpec("Private subnets of the DB subnet group, in at least two zones")
    private Output<List<String>> subnetIds;

    @Import(name = "clientSecurityGroupId", required = true)
    @InputSpec("The only security group allowed to reach port 3306")
    private Output<String> clientSecurityGroupId;

    @Import(name = "settings")
    @InputSpec(value = "How the database is sized, kept and watched", defaultText = "MysqlSettings' defaults")
    private MysqlSettings settings = MysqlSettings.builder().build();

    public Placement placement() { return placement; }
    public Output<String> vpcId() { return placement.vpcId(); }
    public Output<List<String>> subnetIds() { return subnetIds; }
    public Output<String> clientSecurityGroupId() { return clientSecurityGroupId; }
    public MysqlSettings settings() { return settings; }

    public static Builder builder() {
        return new Builder(new MysqlDatabaseArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(MysqlDatabaseArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link MysqlDatabaseArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final MysqlDatabaseArgs $;

        private Builder(MysqlDatabaseArgs start) {
            $ = start;
        }

        /**
         * Where the database goes: the VPC of its security group (NetworkComponent.placement()).
         */
        public Builder placement(Placement v) { $.placement = v; return this; }

        /**
         * Private subnets of the DB subnet group, in at least two zones.
         */
        public Builder subnetIds(Output<List<String>> v) { $.subnetIds = v; return this; }

        /**
         * The only security group allowed to reach port 3306.
         */
        public Builder clientSecurityGroupId(Output<String> v) { $.clientSecurityGroupId = v; return this; }

        /**
         * How the database is sized, kept and watched. Default: MysqlSettings' defaults.
         */
        public Builder settings(MysqlSettings v) { $.settings = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public MysqlDatabaseArgs build() {
            return $.validated();
        }
    }
}
