package io.containerplatform.components.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A five-field crontab schedule checked value by value, the way EC2 Auto Scaling's recurrence and Application Auto
 * Scaling's {@code cron(...)} would refuse it: each field a {@code *}, a value, a range {@code a-b} or either with a
 * step {@code /n}, in lists; values in the field's range, or its names in upper case ({@code JAN}-{@code DEC},
 * {@code SUN}-{@code SAT}); no step in the day of week, which AWS's cron has none of (Amazon EventBridge's "Cron
 * expressions reference", to which Application Auto Scaling's scheduled scaling guide refers: day-of-week wildcards
 * {@code , - * ? L #}).
 */
final class Crontab {

    /** One field: its name, its lowest and highest value, and its names (the first one standing for {@code min}). */
    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));
    private static final Pattern ITEM = Pattern.compile("(\\*|[0-9A-Z]+(-[0-9A-Z]+)?)(/([0-9]+))?");

    private Crontab() {
    }

    private static final Pattern AWS_EXPRESSION = Pattern.compile("\\s*(cron|rate|at)\\((.*)\\)\\s*");

    /** Why {@code cron} is not a crontab schedule, every faulty field named, or empty. */
    static Optional<String> problem(String cron) {
        var aws = AWS_EXPRESSION.matcher(cron == null ? "" : cron);
        if (aws.matches()) {
            return Optional.of(awsExpressionProblem(cron, aws.group(1), aws.group(2).trim().split("\\s+")));
        }
        var fields = cron == null ? new String[0] : cron.trim().split("\\s+");
        if (fields.length != FIELDS.size()) {
            return Optional.of("\"" + cron + "\" is not five fields (minute hour day-of-month month day-of-week)");
        }
        var problems = new ArrayList<String>();
        for (int i = 0; i < fields.length; i++) {
            fieldProblem(FIELDS.get(i), fields[i]).ifPresent(problems::add);
        }
        if (problems.isEmpty() && !fields[2].equals("*") && !fields[4].equals("*")) {
            problems.add("sets both the day of month and the day of week; give one and * for the other");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of("\"" + cron + "\" " + String.join("; ", problems));
    }

    /**
     * Why an expression of Application Auto Scaling ({@code cron(...)} of six fields, {@code rate(...)}, {@code at(...)})
     * is not taken: a schedule here is five crontab fields, which EC2 Auto Scaling's recurrence takes as they are and the
     * platform turns into {@code cron(...)} for Application Auto Scaling; a {@code cron(...)} that has a crontab form is
     * shown in it.
     */
    private static String awsExpressionProblem(String text, String kind, String[] fields) {
        var is = "\"" + text + "\" is Application Auto Scaling's ";
        if (!kind.equals("cron")) {
            return is + kind + "(...) form, " + (kind.equals("rate") ? "a fixed interval" : "a one-time date") + ", which EC2 Auto Scaling"
                    + " has no recurrence for; write the crontab times it recurs at";
        }
        var crontab = fields.length == 6 && fields[5].equals("*") && !fields[4].matches(".*[0-9L#].*") && !fields[2].matches(".*[LW].*")
                ? Optional.of(String.join(" ", fields[0], fields[1], fields[2].replace("?", "*"), fields[3], fields[4].replace("?", "*")))
                : Optional.<String>empty();
        return is + "cron(...) form; write its five crontab fields" + crontab.map(c -> ", \"" + c + "\"").orElse(" (day of week 0-6, Sunday 0)");
    }

    private static Optional<String> fieldProblem(Field field, String text) {
        for (var item : text.split(",", -1)) {
            var m = ITEM.matcher(item);
            if (!m.matches()) {
                return Optional.of("has the " + field.name + " \"" + text + "\", which is not a crontab field");
            }
            var bounds = m.group(1).equals("*") ? new String[0] : m.group(1).split("-");
            var values = new ArrayList<Integer>();
            for (var bound : bounds) {
                var value = value(field, bound);
                if (value < 0) {
                    return Optional.of("has the " + field.name + " \"" + bound + "\", allowed: " + field.min + "-" + field.max
                            + (field.names.isEmpty() ? "" : " or " + field.names.get(0) + "-" + field.names.get(field.names.size() - 1)));
                }
                values.add(value);
            }
            if (values.size() == 2 && values.get(0) > values.get(1)) {
                return Optional.of("has the " + field.name + " range \"" + m.group(1) + "\", which runs backwards");
            }
            if (values.size() == 2 && field.max == 7 && values.get(1) == 7 && values.get(0) > 0) {
                return Optional.of("has the day of week range \"" + m.group(1) + "\" ending on 7 (Sunday); end it on 6 and list 0,"
                        + " e.g. 5-6,0");
            }
            if (m.group(4) != null && field.max == 7) {
                return Optional.of("has the day of week step \"" + item + "\", which Application Auto Scaling's cron(...) has no form of"
                        + " (AWS's day of week takes , - * ? L #); list the days, e.g. MON,WED,FRI");
            }
            if (m.group(4) != null && (Integer.parseInt(m.group(4)) < 1 || Integer.parseInt(m.group(4)) > field.max)) {
                return Optional.of("has the " + field.name + " step \"/" + m.group(4) + "\", allowed: 1-" + field.max);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code text} in {@code field}, or -1 when it is neither a number in range nor one of its names. */
    private static int value(Field field, String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            var value = text.length() > 2 ? -1 : Integer.parseInt(text);
            return value >= field.min && value <= field.max ? value : -1;
        }
        var index = field.names.indexOf(text);
        return index < 0 ? -1 : field.min + index;
    }
}
