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
            "0 */2 * * */2   | cron(0 */2 ? * */2 *)",
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
        assertThat(Formats.cronProblem("0 9 * * MON;FRI")).contains("\"0 9 * * MON;FRI\" has the field \"MON;FRI\", which is not a crontab field");
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
