package io.containerplatform.components.scaling;

import io.containerplatform.components.args.InputProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        var schedule = new ScheduledCapacity("s", cron, "UTC", 1, 2);
        assertThat(schedule.applicationAutoScalingSchedule()).isEqualTo(aws);
        assertThat(schedule.recurrence()).isEqualTo(cron.trim());
    }

    @Test
    void everyProblemIsNamed() {
        assertThat(new ScheduledCapacity("Business Hours", "0 9 1 * MON", "Paris", 5, 2).problems("s", 100)).containsExactly(
                new InputProblem("s.name", "\"Business Hours\" is not a schedule name", "1 to 40 characters of a-z, 0-9 and -"),
                new InputProblem("s.cron", "\"0 9 1 * MON\" sets both the day of month and the day of week; give one and * for the other",
                        ScheduledCapacity.CRON_ALLOWED),
                new InputProblem("s.timeZone", "\"Paris\" is not an IANA time zone such as Europe/Paris or UTC", "an IANA time zone such as Europe/Paris"),
                new InputProblem("s", "5..2 are not capacities", "0 <= minCapacity <= maxCapacity <= 100"));
        assertThat(new ScheduledCapacity("am", "0 9 * * MON-FRI", "Europe/Paris", 3, 6).problems("s", 100)).isEmpty();
        assertThat(ScheduledCapacity.cronProblem("0 9 * * MON;FRI")).contains("\"0 9 * * MON;FRI\" has the field \"MON;FRI\", which is not a crontab field");
        assertThat(List.of("UTC", "Europe/Paris", "America/New_York")).allSatisfy(z -> assertThat(ScheduledCapacity.timeZoneProblem(z)).isEmpty());
    }
}
