package io.containerplatform.components.scaling;

import java.time.DateTimeException;
import java.time.ZoneId;
import io.containerplatform.components.args.InputProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A capacity a service takes on a schedule, e.g. more instances for business hours: at each time {@code cron}
 * matches, in {@code timeZone}, the service's minimum and maximum become {@code minCapacity} and {@code maxCapacity}
 * (autoscaling keeps working between them).
 *
 * @param name        the schedule's name: 1 to 40 characters of a-z, 0-9 and -
 * @param cron        when it applies, in the five fields of crontab: minute, hour, day of month, month, day of week
 *                    ({@code 0 9 * * MON-FRI}); day names or numbers (0 and 7 are Sunday), ranges, lists and steps
 * @param timeZone    the IANA time zone the times are in, e.g. {@code Europe/Paris}
 * @param minCapacity the minimum from then on
 * @param maxCapacity the maximum from then on, at least {@code minCapacity}
 */
public record ScheduledCapacity(String name, String cron, String timeZone, int minCapacity, int maxCapacity) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?");
    /** What a cron expression may be. */
    public static final String CRON_ALLOWED = "five crontab fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON-FRI";
    private static final Pattern FIELD = Pattern.compile("[*0-9A-Za-z,/-]+");

    /** What is wrong with this schedule, each problem's input under {@code where}; {@code most} bounds the capacities. */
    public List<InputProblem> problems(String where, int most) {
        var errors = new ArrayList<InputProblem>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new InputProblem(where + ".name", "\"" + name + "\" is not a schedule name", "1 to 40 characters of a-z, 0-9 and -"));
        }
        cronProblem(cron).ifPresent(p -> errors.add(new InputProblem(where + ".cron", p, CRON_ALLOWED)));
        timeZoneProblem(timeZone).ifPresent(p -> errors.add(new InputProblem(where + ".timeZone", p, "an IANA time zone such as Europe/Paris")));
        if (minCapacity < 0 || maxCapacity > most || minCapacity > maxCapacity) {
            errors.add(new InputProblem(where, minCapacity + ".." + maxCapacity + " are not capacities",
                    "0 <= minCapacity <= maxCapacity <= " + most));
        }
        return errors;
    }

    /** Why {@code cron} is not five crontab fields, or empty. */
    public static java.util.Optional<String> cronProblem(String cron) {
        var fields = cron == null ? new String[0] : cron.trim().split("\\s+");
        if (fields.length != 5) {
            return java.util.Optional.of("\"" + cron + "\" is not five fields (minute hour day-of-month month day-of-week)");
        }
        for (var field : fields) {
            if (!FIELD.matcher(field).matches()) {
                return java.util.Optional.of("\"" + cron + "\" has the field \"" + field + "\", which is not a crontab field");
            }
        }
        if (!fields[2].equals("*") && !fields[4].equals("*")) {
            return java.util.Optional.of("\"" + cron + "\" sets both the day of month and the day of week; give one and * for the other");
        }
        return java.util.Optional.empty();
    }

    /** Why {@code zone} is not an IANA time zone, or empty. */
    public static java.util.Optional<String> timeZoneProblem(String zone) {
        try {
            ZoneId.of(zone);
            return zone.contains("/") || zone.equals("UTC") ? java.util.Optional.empty()
                    : java.util.Optional.of("\"" + zone + "\" is not an IANA time zone such as Europe/Paris or UTC");
        } catch (DateTimeException | NullPointerException e) {
            return java.util.Optional.of("\"" + zone + "\" is not an IANA time zone such as Europe/Paris or UTC");
        }
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
        var m = Pattern.compile("(?<!/)\\d+").matcher(field);
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group()) % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }
}
