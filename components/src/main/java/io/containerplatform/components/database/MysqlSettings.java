package io.containerplatform.components.database;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a MySQL database is sized, kept and watched: the inputs of {@link MysqlDatabase} besides where it goes. A
 * declared input type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class MysqlSettings extends DeclaredArgs {

    @Import(name = "instanceClass")
    @InputSpec(value = "The RDS instance class", allowed = "db.<family>.<size>, such as db.t4g.micro")
    private String instanceClass = "db.t4g.micro";

    @Import(name = "engineVersion")
    @InputSpec(value = "The MySQL version (minor upgrades are automatic; a new major, such as 8.0 to 8.4, is upgraded in place in the"
            + " next maintenance window: docs/upgrades.md)", allowed = "8.0 or 8.4, optionally with a minor (8.0.39)")
    private String engineVersion = "8.4";

    @Import(name = "multiAz")
    @InputSpec("Whether a synchronous standby in another zone takes over automatically")
    private Boolean multiAz = false;

    @Import(name = "allocatedStorageGb")
    @InputSpec(value = "Initial gp3 storage, GiB", min = 20, max = 65536)
    private Integer allocatedStorageGb = 20;

    @Import(name = "maxAllocatedStorageGb")
    @InputSpec(value = "The storage autoscaling ceiling, GiB", min = 20, max = 65536, allowed = "20 to 65536, at least allocatedStorageGb",
            defaultText = "100, or allocatedStorageGb when above")
    private Integer maxAllocatedStorageGb;

    @Import(name = "backupRetentionDays")
    @InputSpec(value = "Days of automated backups", min = 1, max = 35)
    private Integer backupRetentionDays = 7;

    @Import(name = "production")
    @InputSpec("A production database: deletion protection, a final snapshot on deletion, and Pulumi protect")
    private Boolean production = false;

    @Import(name = "performanceInsights")
    @InputSpec("Whether Performance Insights is on (7 days, free tier)")
    private Boolean performanceInsights = false;

    @Import(name = "monitoringIntervalSeconds")
    @InputSpec(value = "The enhanced monitoring interval, seconds; 0 turns it off", allowed = "0, 1, 5, 10, 15, 30 or 60")
    private Integer monitoringIntervalSeconds = 0;

    @Import(name = "databaseName")
    @InputSpec(value = "The initial database's name", allowed = "a MySQL database name: a letter, then up to 63 letters, digits or _")
    private String databaseName = "app";

    @Import(name = "appSecretArn")
    @InputSpec(value = "The Secrets Manager secret ({\"username\", \"password\"}) of the application's own database user, created by a"
            + " DBA with only the grants the app needs; without it the app connects with the master credentials RDS keeps and rotates",
            format = Format.SECRET_ARN, allowed = "a Secrets Manager secret ARN", defaultText = "none (the master credentials)")
    private String appSecretArn;

    public String instanceClass() { return instanceClass; }
    public String engineVersion() { return engineVersion; }
    public boolean multiAz() { return multiAz; }
    public int allocatedStorageGb() { return allocatedStorageGb; }
    public int maxAllocatedStorageGb() { return maxAllocatedStorageGb != null ? maxAllocatedStorageGb : Math.max(100, allocatedStorageGb); }
    public int backupRetentionDays() { return backupRetentionDays; }
    public boolean production() { return production; }
    public boolean performanceInsights() { return performanceInsights; }
    public int monitoringIntervalSeconds() { return monitoringIntervalSeconds; }
    public String databaseName() { return databaseName; }
    public Optional<String> appSecretArn() { return Optional.ofNullable(appSecretArn); }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (instanceClass != null && !instanceClass.matches("db\\.[a-z0-9]+\\.[a-z0-9]+")) {
            problems.add(problem("instanceClass", "\"" + instanceClass + "\" is not an RDS instance class"));
        }
        if (engineVersion != null && !engineVersion.matches("8\\.0(\\.\\d+)?|8\\.4(\\.\\d+)?")) {
            problems.add(problem("engineVersion", "\"" + engineVersion + "\" is not a supported MySQL version"));
        }
        if (allocatedStorageGb != null && maxAllocatedStorageGb() < allocatedStorageGb) {
            problems.add(problem("maxAllocatedStorageGb", maxAllocatedStorageGb() + " is below allocatedStorageGb " + allocatedStorageGb));
        }
        if (monitoringIntervalSeconds != null && !List.of(0, 1, 5, 10, 15, 30, 60).contains(monitoringIntervalSeconds)) {
            problems.add(problem("monitoringIntervalSeconds", monitoringIntervalSeconds + " is not an enhanced monitoring interval"));
        }
        if (databaseName != null && !databaseName.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            problems.add(problem("databaseName", "\"" + databaseName + "\" is not a MySQL database name"));
        }
        return problems;
    }

    public static Builder builder() { return new Builder(new MysqlSettings()); }
    public static Builder builder(MysqlSettings from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link MysqlSettings}. */
    public static final class Builder {
        private final MysqlSettings $;

        private Builder(MysqlSettings start) { $ = start; }

        /**
         * The RDS instance class. Allowed: db.&lt;family&gt;.&lt;size&gt;, such as db.t4g.micro. Default: db.t4g.micro.
         */
        public Builder instanceClass(String v) { $.instanceClass = v; return this; }

        /**
         * The MySQL version (minor upgrades are automatic; a new major, such as 8.0 to 8.4, is upgraded in place in the
         * next maintenance window: docs/upgrades.md). Allowed: 8.0 or 8.4, optionally with a minor (8.0.39). Default:
         * 8.4.
         */
        public Builder engineVersion(String v) { $.engineVersion = v; return this; }

        /**
         * Whether a synchronous standby in another zone takes over automatically. Default: false.
         */
        public Builder multiAz(boolean v) { $.multiAz = v; return this; }

        /**
         * Initial gp3 storage, GiB. Allowed: 20 to 65536. Default: 20.
         */
        public Builder allocatedStorageGb(int v) { $.allocatedStorageGb = v; return this; }

        /**
         * The storage autoscaling ceiling, GiB. Allowed: 20 to 65536, at least allocatedStorageGb. Default: 100, or
         * allocatedStorageGb when above.
         */
        public Builder maxAllocatedStorageGb(int v) { $.maxAllocatedStorageGb = v; return this; }

        /**
         * Days of automated backups. Allowed: 1 to 35. Default: 7.
         */
        public Builder backupRetentionDays(int v) { $.backupRetentionDays = v; return this; }

        /**
         * A production database: deletion protection, a final snapshot on deletion, and Pulumi protect. Default: false.
         */
        public Builder production(boolean v) { $.production = v; return this; }

        /**
         * Whether Performance Insights is on (7 days, free tier). Default: false.
         */
        public Builder performanceInsights(boolean v) { $.performanceInsights = v; return this; }

        /**
         * The enhanced monitoring interval, seconds; 0 turns it off. Allowed: 0, 1, 5, 10, 15, 30 or 60. Default: 0.
         */
        public Builder monitoringIntervalSeconds(int v) { $.monitoringIntervalSeconds = v; return this; }

        /**
         * The initial database's name. Allowed: a MySQL database name: a letter, then up to 63 letters, digits or _.
         * Default: app.
         */
        public Builder databaseName(String v) { $.databaseName = v; return this; }

        /**
         * The Secrets Manager secret ({"username", "password"}) of the application's own database user, created by a
         * DBA with only the grants the app needs; without it the app connects with the master credentials RDS keeps and
         * rotates. Allowed: a Secrets Manager secret ARN. Default: none (the master credentials).
         */
        public Builder appSecretArn(String v) { $.appSecretArn = v; return this; }

        /** The settings as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public MysqlSettings build() { return $.validated(); }
    }
}
