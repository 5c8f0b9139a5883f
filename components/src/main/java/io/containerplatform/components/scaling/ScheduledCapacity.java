package io.containerplatform.components.scaling;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A capacity a service takes on a schedule, e.g. more instances for business hours: at each time {@code cron}
 * matches, in {@code timeZone}, the service's minimum and maximum become {@code minCapacity} and {@code maxCapacity}
 * (autoscaling keeps working between them). A declared input type: each field is one input ({@link InputSpec});
 * build with {@link #builder()}.
 */
public final class ScheduledCapacity extends DeclaredArgs {

    @Import(name = "name", required = true)
    @InputSpec(value = "The schedule's name, unique among the service's schedules", format = Format.SCHEDULE_NAME,
            allowed = "1 to 40 characters of a-z, 0-9 and -")
    private String name;

    @Import(name = "cron", required = true)
    @InputSpec(value = "When it applies, in the five fields of crontab: minute, hour, day of month, month, day of week; day names or"
            + " numbers (0 and 7 are Sunday; names in upper case: SUN-SAT, JAN-DEC), ranges, lists and steps (none in the day of"
            + " week: Application Auto Scaling's cron has none)", format = Format.CRON,
            allowed = "five crontab fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON-FRI")
    private String cron;

    @Import(name = "timeZone")
    @InputSpec(value = "The IANA time zone the times are in", format = Format.TIME_ZONE, allowed = "an IANA time zone such as Europe/Paris")
    private String timeZone = "UTC";

    @Import(name = "minCapacity")
    @InputSpec(value = "The service's minimum from then on", min = 0)
    private Integer minCapacity = 0;

    @Import(name = "maxCapacity")
    @InputSpec(value = "The service's maximum from then on", min = 0, allowed = "minCapacity or more", defaultText = "minCapacity")
    private Integer maxCapacity;

    public String name() { return name; }
    public String cron() { return cron; }
    public String timeZone() { return timeZone; }
    public int minCapacity() { return minCapacity; }
    public int maxCapacity() { return maxCapacity == null ? minCapacity : maxCapacity; }

    @Override
    protected List<InputProblem> rules() {
        if (minCapacity != null && maxCapacity != null && minCapacity > maxCapacity) {
            return List.of(problem("maxCapacity", maxCapacity + " is less than minCapacity " + minCapacity));
        }
        return List.of();
    }

    /**
     * The problems of a service's {@code schedules} (its input {@code schedules}) beyond each one's own: capacities above
     * {@code most} (what the service's kind allows), names given twice.
     */
    public static List<InputProblem> listProblems(List<ScheduledCapacity> schedules, int most) {
        var problems = new ArrayList<InputProblem>();
        for (int i = 0; i < schedules.size(); i++) {
            var capacity = schedules.get(i).maxCapacity;
            if (capacity != null && capacity > most) {
                problems.add(new InputProblem("schedules[" + i + "].maxCapacity", capacity + " is out of range", "at most " + most));
            }
        }
        namedTwice(schedules.stream().map(ScheduledCapacity::name).toList()).forEach(n ->
                problems.add(new InputProblem("schedules", "\"" + n + "\" is named twice", "a unique name per schedule")));
        return problems;
    }

    /** The schedule as EC2 Auto Scaling's recurrence: the crontab fields as they are. */
    public String recurrence() {
        return String.join(" ", cron.trim().split("\\s+"));
    }

    /**
     * The schedule as Application Auto Scaling's {@code cron(...)}: six fields with a year, {@code ?} for whichever of
     * day of month and day of week is not given, and day-of-week numbers moved from crontab's 0-7 (Sunday 0 or 7) to
     * AWS's 1-7 (Sunday 1).
     */
    public String applicationAutoScalingSchedule() {
        var f = cron.trim().split("\\s+");
        var dayOfMonth = f[4].equals("*") ? f[2] : "?";
        var dayOfWeek = f[4].equals("*") ? "?" : awsDaysOfWeek(f[4]);
        return "cron(" + f[0] + " " + f[1] + " " + dayOfMonth + " " + f[3] + " " + dayOfWeek + " *)";
    }

    private static String awsDaysOfWeek(String field) {
        var out = new StringBuilder();
        var m = Pattern.compile("\\d+").matcher(field);
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group()) % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Builder builder() { return new Builder(new ScheduledCapacity()); }
    public static Builder builder(ScheduledCapacity from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link ScheduledCapacity}. */
    public static final class Builder {
        private final ScheduledCapacity $;

        private Builder(ScheduledCapacity start) { $ = start; }

        /**
         * The schedule's name, unique among the service's schedules. Allowed: 1 to 40 characters of a-z, 0-9 and -.
         */
        public Builder name(String v) { $.name = v; return this; }

        /**
         * When it applies, in the five fields of crontab: minute, hour, day of month, month, day of week; day names or
         * numbers (0 and 7 are Sunday; names in upper case: SUN-SAT, JAN-DEC), ranges, lists and steps (none in the day
         * of week: Application Auto Scaling's cron has none). Allowed: five crontab fields: minute hour day-of-month
         * month day-of-week, e.g. 0 9 * * MON-FRI.
         */
        public Builder cron(String v) { $.cron = v; return this; }

        /**
         * The IANA time zone the times are in. Allowed: an IANA time zone such as Europe/Paris. Default: UTC.
         */
        public Builder timeZone(String v) { $.timeZone = v; return this; }

        /**
         * The service's minimum from then on. Allowed: at least 0. Default: 0.
         */
        public Builder minCapacity(Integer v) { $.minCapacity = v; return this; }

        /**
         * The service's maximum from then on. Allowed: minCapacity or more. Default: minCapacity.
         */
        public Builder maxCapacity(Integer v) { $.maxCapacity = v; return this; }

        /** The schedule as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public ScheduledCapacity build() { return $.validated(); }
    }
}
