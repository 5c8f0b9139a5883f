package io.containerplatform.components.scaling;

import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.common.Formats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduledCapacityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 9 * * MON-FRI | cron(0 9 ? * MON-FRI *)",
            "30 17 * * 1-5   | cron(30 17 ? * 2-6 *)",
            "0 8 * * 0,6     | cron(0 8 ? * 1,7 *)",
            "0 8 * * 7       | cron(0 8 ? * 1 *)",
            "0 */2 * * MON,WED | cron(0 */2 ? * MON,WED *)",
            "0 6 1 * *       | cron(0 6 1 * ? *)",
            "15 3 * * *      | cron(15 3 * * ? *)"})
    void crontabBecomesApplicationAutoScalingCronWithItsDayNumbers(String cron, String aws) {
        var schedule = ScheduledCapacity.builder().name("s").cron(cron).timeZone("UTC").minCapacity(1).maxCapacity(2).build();
        assertThat(schedule.applicationAutoScalingSchedule()).isEqualTo(aws);
        assertThat(schedule.recurrence()).isEqualTo(cron.trim());
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> ScheduledCapacity.builder().name("Business Hours").cron("0 9 1 * MON").timeZone("Paris").minCapacity(5)
                .maxCapacity(2).build()).hasMessage("ScheduledCapacity.name: \"Business Hours\" is not a DNS-safe name of at most 40 characters;"
                        + " allowed: 1 to 40 characters of a-z, 0-9 and -"
                        + " | ScheduledCapacity.cron: \"0 9 1 * MON\" sets both the day of month and the day of week; give one and * for the other;"
                        + " allowed: five crontab fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON-FRI"
                        + " | ScheduledCapacity.timeZone: \"Paris\" is not an IANA time zone such as Europe/Paris or UTC; allowed: an IANA time zone such as Europe/Paris"
                        + " | ScheduledCapacity.maxCapacity: 2 is less than minCapacity 5; allowed: minCapacity or more");
        assertThat(ScheduledCapacity.builder().name("am").cron("0 9 * * MON-FRI").timeZone("Europe/Paris").minCapacity(3).build().maxCapacity())
                .isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 9 * * MON;FRI  | \"0 9 * * MON;FRI\" has the day of week \"MON;FRI\", which is not a crontab field",
            "0 9 * * MON-FRY  | \"0 9 * * MON-FRY\" has the day of week \"FRY\", allowed: 0-7 or SUN-SAT",
            "99 25 * * *      | \"99 25 * * *\" has the minute \"99\", allowed: 0-59; has the hour \"25\", allowed: 0-23",
            "0 9 0 * *        | \"0 9 0 * *\" has the day of month \"0\", allowed: 1-31",
            "0 9 * jan *      | \"0 9 * jan *\" has the month \"jan\", which is not a crontab field",
            "0 9 * 13 *       | \"0 9 * 13 *\" has the month \"13\", allowed: 1-12 or JAN-DEC",
            "0 17-9 * * *     | \"0 17-9 * * *\" has the hour range \"17-9\", which runs backwards",
            "0 9 * * 5-7      | \"0 9 * * 5-7\" has the day of week range \"5-7\" ending on 7 (Sunday); end it on 6 and list 0, e.g. 5-6,0",
            "*/0 * * * *      | \"*/0 * * * *\" has the minute step \"/0\", allowed: 1-59",
            "0 9 1, * *       | \"0 9 1, * *\" has the day of month \"1,\", which is not a crontab field",
            "0 9 * * 1-5/2    | \"0 9 * * 1-5/2\" has the day of week step \"1-5/2\", which Application Auto Scaling's cron(...) has no form of"
                    + " (AWS's day of week takes , - * ? L #); list the days, e.g. MON,WED,FRI",
            "cron(0 9 ? * MON-FRI *) | \"cron(0 9 ? * MON-FRI *)\" is Application Auto Scaling's cron(...) form; write its five crontab fields,"
                    + " \"0 9 * * MON-FRI\"",
            "cron(0 9 ? * 2-6 *) | \"cron(0 9 ? * 2-6 *)\" is Application Auto Scaling's cron(...) form; write its five crontab fields (day of"
                    + " week 0-6, Sunday 0)",
            "rate(5 minutes)  | \"rate(5 minutes)\" is Application Auto Scaling's rate(...) form, a fixed interval, which EC2 Auto Scaling has"
                    + " no recurrence for; write the crontab times it recurs at",
            "at(2026-12-24T09:00:00) | \"at(2026-12-24T09:00:00)\" is Application Auto Scaling's at(...) form, a one-time date, which EC2 Auto"
                    + " Scaling has no recurrence for; write the crontab times it recurs at"})
    void everyFaultyCronFieldIsNamedWithWhatItAllows(String cron, String problem) {
        assertThat(Formats.cronProblem(cron)).contains(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 9 * * MON-FRI", "*/15 8-18/2 1-15 JAN-JUN,DEC *", "59 23 31 12 *", "0 0 * * 0,7", "0 9 * * 1-5"})
    void validCrontabPasses(String cron) {
        assertThat(Formats.cronProblem(cron)).isEmpty();
        assertThat(List.of("UTC", "Europe/Paris", "America/New_York")).allSatisfy(z -> assertThat(Formats.timeZoneProblem(z)).isEmpty());
    }

    @Test
    void aServiceBoundsItsSchedulesAndTheirNames() {
        var schedule = ScheduledCapacity.builder().name("am").cron("0 9 * * *").maxCapacity(200).build();
        assertThat(ScheduledCapacity.listProblems(List.of(schedule, schedule), 100)).containsExactly(
                new InputProblem("schedules[0].maxCapacity", "200 is out of range", "at most 100"),
                new InputProblem("schedules[1].maxCapacity", "200 is out of range", "at most 100"),
                new InputProblem("schedules", "\"am\" is named twice", "a unique name per schedule"));
    }
}
